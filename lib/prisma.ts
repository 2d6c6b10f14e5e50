import { PrismaPg } from '@prisma/adapter-pg';

export interface DatabaseSettings {
  url: string;
  /** Connections this process may hold; the sum over all processes must stay below the server's max. */
  poolSize: number;
}

/**
 * Builds a subgraph's generated PrismaClient on the Rust-free driver adapter, which needs no
 * native query engine on the machine.
 */
export function createPrismaClient<TClient>(
  Client: new (options: { adapter: PrismaPg }) => TClient,
  { url, poolSize }: DatabaseSettings,
): TClient {
  return new Client({ adapter: new PrismaPg({ connectionString: url, max: poolSize }) });
}
