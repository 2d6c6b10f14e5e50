/**
 * The rules of stock as plain functions, so they are tested without a database and the SQL that
 * enforces them under concurrency (conditional updates, CHECK constraints) has one spec to match.
 */

/** Largest quantity on hand, reserved or moved at once; keeps sums far inside a 32-bit Int. */
export const MAX_STOCK_QUANTITY = 1_000_000;

export interface StockQuantities {
  onHand: number;
  reserved: number;
}

/** What a product without a stock row has. */
export const NO_STOCK: StockQuantities = Object.freeze({ onHand: 0, reserved: 0 });

/** Units that can still be sold. */
export const available = ({ onHand, reserved }: StockQuantities) => onHand - reserved;

export const isInStock = (stock: StockQuantities) => available(stock) > 0;

export const canReserve = (stock: StockQuantities, quantity: number) =>
  Number.isInteger(quantity) && quantity > 0 && quantity <= available(stock);

export type OnHandChange =
  { ok: true; onHand: number; delta: number } | { ok: false; reason: 'NEGATIVE' | 'BELOW_RESERVED' | 'ABOVE_MAXIMUM' };

/** The result of setting onHand to `target`: refused if it would leave reserved units uncovered. */
export function setOnHand(stock: StockQuantities, target: number): OnHandChange {
  if (target < 0) return { ok: false, reason: 'NEGATIVE' };
  if (target > MAX_STOCK_QUANTITY) return { ok: false, reason: 'ABOVE_MAXIMUM' };
  if (target < stock.reserved) return { ok: false, reason: 'BELOW_RESERVED' };
  return { ok: true, onHand: target, delta: target - stock.onHand };
}

/** The result of adding `delta` (negative to remove) to onHand, under the same bounds. */
export const adjustOnHand = (stock: StockQuantities, delta: number): OnHandChange =>
  setOnHand(stock, stock.onHand + delta);
