import { z } from 'zod';
import type { NotificationTemplate } from './generated/prisma/client.ts';

export interface RenderedMessage {
  subject: string;
  text: string;
}

/** The payload does not have what the template needs: retrying will not help. */
export class InvalidPayloadError extends Error {
  override readonly name = 'InvalidPayloadError';
}

const moneySchema = z.object({
  amount: z.number().int().min(0),
  currency: z.string().regex(/^[A-Z]{3}$/),
});

const payloadSchemas = {
  ORDER_CONFIRMED: z.object({ orderId: z.string().min(1), total: moneySchema }),
  ORDER_FAILED: z.object({ orderId: z.string().min(1), reason: z.string().min(1).max(500) }),
  ORDER_CANCELLED: z.object({ orderId: z.string().min(1) }),
  ORDER_SHIPPED: z.object({ orderId: z.string().min(1) }),
} satisfies Record<NotificationTemplate, z.ZodType>;

export type TemplatePayload<T extends NotificationTemplate> = z.infer<(typeof payloadSchemas)[T]>;

/** Minor units shown in the currency's own number of decimals (2 for USD, 0 for JPY). */
export function formatMoney({ amount, currency }: z.infer<typeof moneySchema>): string {
  const { format, digits } = moneyFormatOf(currency);
  return format.format(amount / 10 ** digits);
}

// Building a NumberFormat costs more than the rest of a notice (2 % of the worker's profile).
const moneyFormats = new Map<string, { format: Intl.NumberFormat; digits: number }>();
function moneyFormatOf(currency: string) {
  let cached = moneyFormats.get(currency);
  if (!cached) {
    const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    cached = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    moneyFormats.set(currency, cached);
  }
  return cached;
}

const renderers: { [T in NotificationTemplate]: (payload: TemplatePayload<T>) => RenderedMessage } = {
  ORDER_CONFIRMED: ({ orderId, total }) => ({
    subject: `Your order ${orderId} is confirmed`,
    text: `Thank you! Your order ${orderId} is confirmed. Total charged: ${formatMoney(total)}.`,
  }),
  ORDER_FAILED: ({ orderId, reason }) => ({
    subject: `Your order ${orderId} could not be completed`,
    text: `We are sorry: your order ${orderId} could not be completed (${reason}). You have not been charged.`,
  }),
  // Sent when the cancellation is taken, before the refund settles: the refund is retried until
  // the provider confirms it, so the promise holds.
  ORDER_CANCELLED: ({ orderId }) => ({
    subject: `Your order ${orderId} is cancelled`,
    text: `Your order ${orderId} is cancelled. Any amount charged for it is refunded to your card.`,
  }),
  ORDER_SHIPPED: ({ orderId }) => ({
    subject: `Your order ${orderId} has shipped`,
    text: `Good news: your order ${orderId} is on its way.`,
  }),
};

/** Renders a template from its payload; InvalidPayloadError when the payload does not fit it. */
export function renderTemplate(template: NotificationTemplate, payload: unknown): RenderedMessage {
  const parsed = payloadSchemas[template].safeParse(payload);
  if (!parsed.success) {
    throw new InvalidPayloadError(`payload does not fit ${template}: ${parsed.error.issues[0]?.message ?? ''}`);
  }
  // The schema for `template` produced this value, so it is that template's payload.
  return (renderers[template] as (value: unknown) => RenderedMessage)(parsed.data);
}
