/** A rendered message to one recipient. */
export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * A way of getting a message to a person. `send` resolves once the channel has accepted the
 * message and rejects when it has not, so the caller can record the failure and retry.
 */
export interface DeliveryChannel {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
  /** Releases connections, for a graceful shutdown. */
  close(): void;
}
