/**
 * The idempotency key of the checkout in progress. It is created on the first "Place order" and
 * kept (in sessionStorage, so a reload does not lose it) across every retry until an order comes
 * back: a retry after a timeout then answers the order the first attempt created instead of
 * placing a second one. A change to the cart starts a new checkout with a new key.
 */
const STORAGE_KEY = 'storefront.checkout-key';
let inMemory: string | null = null;

export function checkoutKey(): string {
  let key = inMemory ?? safeGet();
  if (!key) {
    key = `web-${crypto.randomUUID()}`;
    safeSet(key);
  }
  inMemory = key;
  return key;
}

/** Forgets the key: the order was placed, or the cart changed and the next checkout is a new one. */
export function finishCheckout(): void {
  inMemory = null;
  safeSet(null);
}

function safeGet(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function safeSet(key: string | null): void {
  try {
    if (key) sessionStorage.setItem(STORAGE_KEY, key);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Without storage the key lives in memory only, which still covers retries without a reload.
  }
}
