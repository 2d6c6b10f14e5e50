/**
 * Money arithmetic in integer minor units. Every amount must fit GraphQL's Int (a signed 32-bit
 * integer) so it can be answered without loss; anything larger is refused rather than wrapped.
 */
export const MAX_AMOUNT = 2_147_483_647;

export interface Money {
  amount: number;
  currency: string;
}

/** An amount outside 0..MAX_AMOUNT, or not whole: the caller decides how to tell the client. */
export class AmountOutOfRangeError extends Error {
  override readonly name = 'AmountOutOfRangeError';
}

function checked(amount: number): number {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_AMOUNT) {
    throw new AmountOutOfRangeError(`amount ${amount} is outside 0..${MAX_AMOUNT}`);
  }
  return amount;
}

/** unitAmount x quantity, both whole and non-negative. */
export const lineTotal = (unitAmount: number, quantity: number): number => {
  checked(unitAmount);
  checked(quantity);
  return checked(unitAmount * quantity);
};

/** The sum of amounts; an empty list sums to 0. */
export const sumAmounts = (amounts: readonly number[]): number =>
  amounts.reduce((total, amount) => checked(total + checked(amount)), 0);
