import { subgraphPrismaConfig } from '../subgraph-prisma-config.ts';

export default subgraphPrismaConfig('notifications');
