/** `npm run prisma:generate`: generates every subgraph's Prisma client (run by postinstall). */
import { SUBGRAPHS } from '#system/topology';
import { runPrisma } from '#system/prisma-cli';

for (const { name } of SUBGRAPHS) await runPrisma(name, ['generate'], process.env, 'quiet');
console.log(`Generated Prisma clients for ${SUBGRAPHS.map(({ name }) => name).join(', ')}.`);
