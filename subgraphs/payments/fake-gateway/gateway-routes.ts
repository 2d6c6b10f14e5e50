import express, { type Express, type Request, type Response } from 'express';
import { z } from 'zod';
import type { FakePaymentProvider } from './fake-payment-provider.ts';
import { PaymentProviderRejectedError, PaymentProviderUnavailableError } from '../payment-provider.ts';

const operations = ['authorize', 'capture', 'void', 'refund'] as const;

const failNextSchema = z.object({
  when: z.enum(['before', 'after']),
  operation: z.enum([...operations, 'any']).default('any'),
  count: z.number().int().min(1).max(1_000).default(1),
});

/**
 * The fake card processor over HTTP: one POST per provider operation (503 for a temporary
 * failure, 422 for a rejection), plus what tests need to see and steer it: GET /captures (money
 * actually taken), GET /refunds (money given back) and POST /fail-next.
 */
export function mountGatewayRoutes(app: Express, provider: FakePaymentProvider): void {
  app.use(express.json({ limit: '16kb' }));
  for (const operation of operations) {
    app.post(`/${operation}`, async (req: Request, res: Response) => {
      try {
        // The adapter sends the provider's own request types; the provider checks what it uses.
        const result: unknown = await provider[operation](req.body);
        res.json(result ?? {});
      } catch (error) {
        if (error instanceof PaymentProviderUnavailableError) res.status(503).json({ error: error.message });
        else if (error instanceof PaymentProviderRejectedError) res.status(422).json({ error: error.message });
        else throw error;
      }
    });
  }
  app.get('/captures', (_req, res) => {
    res.json({ captures: provider.captures });
  });
  app.get('/refunds', (_req, res) => {
    res.json({ refunds: provider.refunds });
  });
  app.post('/fail-next', (req, res) => {
    const parsed = failNextSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: parsed.error.message });
      return;
    }
    provider.failNext(parsed.data.when, { operation: parsed.data.operation, count: parsed.data.count });
    res.json({ ok: true });
  });
}
