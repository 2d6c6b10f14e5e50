import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { Redis } from 'ioredis';
import { createTokenSigner } from '#lib/auth/tokens';
import { Role } from '#lib/auth/viewer';
import { spawnService, stopService, type ServiceProcess } from '#system/spawn-service';
import { WORKLOAD_SDL } from './workload-schema.ts';
import { pinToCores } from './process-cpu.ts';

export interface Gateway {
  url: string;
  pid: number;
}

export interface BenchGateways {
  reference: Gateway;
  router: Gateway;
  /** `Bearer <token>`: a valid access token for the router. */
  authorization: string;
  stop(): Promise<void>;
}

const GATEWAY_CORES = '0';
const LOAD_CORES = '1';

const printProblems = (name: string) => (line: string) => {
  if (/"level":(40|50|60)/.test(line) || !line.startsWith('{')) process.stderr.write(`[${name}] ${line}\n`);
};

function writeSupergraph(subgraphsPort: number): string {
  const result = composeServices(
    Object.entries(WORKLOAD_SDL).map(([name, sdl]) => ({
      name,
      url: `http://127.0.0.1:${subgraphsPort}/${name}`,
      typeDefs: parse(sdl),
    })),
  );
  if (result.errors) throw new Error(`composition failed: ${result.errors.map((e) => e.message).join('; ')}`);
  const path = join(mkdtempSync(join(tmpdir(), 'bench-gateway-')), 'supergraph.graphql');
  writeFileSync(path, result.supergraphSdl);
  return path;
}

/**
 * Starts the bench's static subgraphs, then the reference gateway and the project's router on the
 * supergraph they compose to. Both gateways are pinned to core 0; this process (the load) and the
 * subgraphs to core 1. The router runs in production mode with every defence on.
 */
export async function startGateways(
  routerEnv: Record<string, string>,
  routerNodeFlags: readonly string[],
): Promise<BenchGateways> {
  pinToCores(process.pid, LOAD_CORES);
  const services: ServiceProcess[] = [];
  const rateKeyPrefix = `bench-gateway-rate-${randomUUID().slice(0, 8)}`;
  const stop = async () => {
    // The gateways first, so they do not see their subgraphs go away mid-request.
    const [subgraphs, ...gateways] = services;
    await Promise.all(gateways.map((service) => stopService(service)));
    if (subgraphs) await stopService(subgraphs);
    const redis = new Redis('redis://127.0.0.1:6379');
    const keys = await redis.keys(`${rateKeyPrefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  };
  try {
    const base = { PATH: process.env['PATH'], NODE_ENV: 'production' };
    const subgraphs = await spawnService({
      name: 'subgraphs',
      entry: 'scripts/bench/gateway/static-subgraphs.ts',
      env: base,
      onLine: printProblems('subgraphs'),
    });
    services.push(subgraphs);
    pinToCores(subgraphs.child.pid!, LOAD_CORES);
    const supergraphPath = writeSupergraph(subgraphs.port);
    const reference = await spawnService({
      name: 'reference',
      entry: 'scripts/bench/gateway/reference-gateway.ts',
      env: { ...base, SUPERGRAPH_PATH: supergraphPath },
      onLine: printProblems('reference'),
    });
    services.push(reference);
    const jwtSecret = `bench-jwt-secret-${randomUUID()}`;
    const router = await spawnService({
      name: 'router',
      entry: 'router/main.ts',
      env: {
        ...base,
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        ROUTER_PORT: '0',
        SUPERGRAPH_PATH: supergraphPath,
        JWT_SECRET: jwtSecret,
        ROUTER_SIGNING_SECRET: `bench-router-signing-secret-${randomUUID()}`,
        // Every request is counted in Redis; the budget is only large enough never to refuse the bench.
        RATE_LIMIT_POINTS: '1000000000',
        RATE_LIMIT_KEY_PREFIX: rateKeyPrefix,
        ...routerEnv,
      },
      onLine: printProblems('router'),
      nodeFlags: routerNodeFlags,
    });
    services.push(router);
    pinToCores(reference.child.pid!, GATEWAY_CORES);
    // Several router processes are there to use every core: they are left unpinned.
    if (!routerEnv['ROUTER_WORKERS'] || routerEnv['ROUTER_WORKERS'] === '1')
      pinToCores(router.child.pid!, GATEWAY_CORES);
    const sign = createTokenSigner(
      {
        keys: { default: jwtSecret },
        signingKeyId: 'default',
        issuer: 'commerce-accounts',
        audience: 'commerce-supergraph',
      },
      3_600,
    );
    const { token } = await sign({ userId: 'bench-user', role: Role.Customer });
    return {
      reference: { url: `http://127.0.0.1:${reference.port}/`, pid: reference.child.pid! },
      router: { url: `http://127.0.0.1:${router.port}/graphql`, pid: router.child.pid! },
      authorization: `Bearer ${token}`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
