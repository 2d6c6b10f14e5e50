import type { Express } from 'express';

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, unknown>;
}
export type ReadinessCheck = () => Promise<ReadinessReport>;

/**
 * Liveness answers while the event loop turns; readiness answers 200 only when the process can
 * serve traffic (its dependencies answer), so an orchestrator routes to it only then.
 */
export function mountHealthRoutes(app: Express, readiness: ReadinessCheck): void {
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_req, res) => {
    const report = await readiness().catch((error: unknown) => ({
      ready: false,
      checks: { error: error instanceof Error ? error.message : String(error) },
    }));
    res.status(report.ready ? 200 : 503).json({ status: report.ready ? 'ready' : 'not ready', ...report });
  });
}
