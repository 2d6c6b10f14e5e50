import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BACKGROUND_PROCESSES, ROUTER, STOREFRONT, SUBGRAPHS, type ProcessEntry } from './topology.ts';

interface ComposeService {
  command?: string[];
  healthcheck?: { test?: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};

describe('docker-compose.yml', () => {
  const processes: ProcessEntry[] = [...SUBGRAPHS, ...BACKGROUND_PROCESSES, ROUTER, STOREFRONT];

  it.each(processes.map((entry) => [entry.name, entry] as const))(
    'runs %s from the build, probed on its port, after what it calls is healthy',
    (name, entry) => {
      const service = compose.services[name];
      expect(service, `no service ${name}`).toBeDefined();
      expect(service?.command?.at(-1)).toBe(`dist/${entry.entry.replace(/\.ts$/, '.js')}`);
      expect(service?.healthcheck?.test).toEqual([
        'CMD',
        'node',
        'dist/system/healthcheck.js',
        String(entry.defaultPort),
      ]);
      for (const dependency of entry.dependsOn ?? []) {
        expect(service?.depends_on?.[dependency]?.condition, `${name} -> ${dependency}`).toBe('service_healthy');
      }
    },
  );
});
