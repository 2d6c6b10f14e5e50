import type { OrderStatus } from '../generated/prisma/client.ts';

/** What the saga hears about an order: the outbox event and the other domains' replies. */
export type SagaEvent =
  | { type: 'order-placed' }
  | { type: 'stock-reserved' }
  | { type: 'stock-refused'; reason: string }
  | { type: 'payment-captured' }
  | { type: 'payment-declined'; reason: string }
  | { type: 'reservation-expired' }
  | { type: 'order-cancelled' }
  | { type: 'order-shipped' };

/** What the saga does next: commands to other domains, and changes to its own order. */
export type SagaAction =
  | { kind: 'reserve-stock' }
  | { kind: 'charge' }
  | { kind: 'confirm' }
  | { kind: 'commit-reservation' }
  | { kind: 'notify-confirmed' }
  | { kind: 'fail'; reason: string }
  | { kind: 'release-reservation' }
  | { kind: 'cancel-payment'; reason: string }
  | { kind: 'notify-failed'; reason: string }
  /** Puts the units back on sale, whether still held or already committed. */
  | { kind: 'return-stock' }
  /**
   * Gives the money back (or stops a charge still open). `cause` keeps the refund asked for by a
   * cancellation apart from one asked for by a capture that landed later, as separate jobs.
   */
  | { kind: 'refund'; cause: RefundCause; reason: string }
  | { kind: 'notify-cancelled' }
  | { kind: 'notify-shipped' }
  /** A state no compensation here can fix (a stock hold that expired under a confirmed order). */
  | { kind: 'alert'; message: string };

export type RefundCause = 'cancelled' | 'late-capture';

export const CANCELLED_REASON = 'order cancelled by the customer';
export const LATE_CAPTURE_REASON = 'payment captured after the order had ended';

export const RESERVATION_EXPIRED_REASON = 'stock reservation expired before payment completed';

/**
 * The checkout saga as a pure function of the order's current state and one event. Decisions
 * depend only on the order row, so a redelivered event decides again from where the order is now.
 * An event that arrives after its effect (the order already FAILED or CONFIRMED) re-issues the
 * follow-up commands: their job ids make them no-ops if they were sent, and complete them if a
 * crash cut the first run short.
 */
export function decideSagaStep(
  order: { status: OrderStatus; failureReason: string | null },
  event: SagaEvent,
): SagaAction[] {
  const { status } = order;
  const failed = (reason: string, ...compensations: SagaAction[]): SagaAction[] => {
    if (status === 'PENDING') return [...compensations, { kind: 'fail', reason }, { kind: 'notify-failed', reason }];
    if (status === 'FAILED')
      return [...compensations, { kind: 'notify-failed', reason: order.failureReason ?? reason }];
    return [];
  };
  switch (event.type) {
    case 'order-placed':
      return status === 'PENDING' ? [{ kind: 'reserve-stock' }] : [];
    case 'stock-reserved':
      if (status === 'PENDING') return [{ kind: 'charge' }];
      // A hold made for an order that failed meanwhile must not keep its units.
      return status === 'FAILED' || status === 'CANCELLED' ? [{ kind: 'release-reservation' }] : [];
    case 'stock-refused':
      return failed(event.reason);
    case 'payment-declined':
      return failed(event.reason, { kind: 'release-reservation' });
    case 'payment-captured':
      if (status === 'PENDING')
        return [{ kind: 'confirm' }, { kind: 'commit-reservation' }, { kind: 'notify-confirmed' }];
      if (status === 'CONFIRMED' || status === 'SHIPPED')
        return [{ kind: 'commit-reservation' }, { kind: 'notify-confirmed' }];
      // FAILED or CANCELLED: the money must go back; the refund's own key makes it happen once.
      return [{ kind: 'refund', cause: 'late-capture', reason: LATE_CAPTURE_REASON }];
    case 'reservation-expired':
      if (status === 'CONFIRMED') {
        return [{ kind: 'alert', message: 'stock hold expired after the order was confirmed: check its stock' }];
      }
      return failed(RESERVATION_EXPIRED_REASON, { kind: 'cancel-payment', reason: RESERVATION_EXPIRED_REASON });
    case 'order-cancelled':
      // cancelOrder moved the order and wrote the event together, so the order is CANCELLED here;
      // each step is safe whatever checkout got to (nothing held, held, committed; no charge,
      // charge open, captured).
      return status === 'CANCELLED'
        ? [
            { kind: 'refund', cause: 'cancelled', reason: CANCELLED_REASON },
            { kind: 'return-stock' },
            { kind: 'notify-cancelled' },
          ]
        : [];
    case 'order-shipped':
      return status === 'SHIPPED' ? [{ kind: 'notify-shipped' }] : [];
  }
}
