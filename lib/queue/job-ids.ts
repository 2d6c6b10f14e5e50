/**
 * The id of the job that carries one step of one order. BullMQ rejects ':' in custom ids, and an
 * id made of the order and the step makes a repeated publish of the same step a no-op.
 */
export const stepJobId = (orderId: string, step: string) => `${orderId}-${step}`;
