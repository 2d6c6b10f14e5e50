import type { Express } from 'express';

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, unknown>;
}
export type ReadinessCheck = () => Promise<ReadinessReport>;

export interface HealthRoutes {
  /** From now on readiness answers 503 whatever its checks say: the process is going away. */
  startDraining(): void;
}

/**
 * Liveness answers while the event loop turns; readiness answers 200 only when the process can
 * serve traffic (its dependencies answer) and is not draining, so an orchestrator or a load
 * balancer routes to it only then, and stops before the process closes its port.
 */
export function mountHealthRoutes(app: Express, readiness: ReadinessCheck): HealthRoutes {
  let draining = false;
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_req, res) => {
    if (draining) {
      res.status(503).json({ status: 'draining', ready: false, checks: {} });
      return;
    }
    const report = await readiness().catch((error: unknown) => ({
      ready: false,
      checks: { error: error instanceof Error ? error.message : String(error) },
    }));
    res.status(report.ready ? 200 : 503).json({ status: report.ready ? 'ready' : 'not ready', ...report });
  });
  return {
    startDraining: () => {
      draining = true;
    },
  };
}
