import type { DeliveryChannel, OutgoingMessage } from './delivery-channel.ts';

/** A channel that keeps what it is given, for development and tests. */
export interface CaptureChannel extends DeliveryChannel {
  /** Every message accepted, oldest first. */
  readonly sent: readonly OutgoingMessage[];
  /** Makes the next `count` sends reject with `error`, as an unreachable mail server would. */
  failNext(count: number, error?: Error): void;
}

export function createCaptureChannel(): CaptureChannel {
  const sent: OutgoingMessage[] = [];
  let failures = 0;
  let failure = new Error('capture channel told to fail');
  return {
    name: 'capture',
    sent,
    failNext(count, error) {
      failures = count;
      if (error) failure = error;
    },
    async send(message) {
      if (failures > 0) {
        failures -= 1;
        throw failure;
      }
      sent.push(message);
    },
    close() {},
  };
}
