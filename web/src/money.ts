const formats = new Map<string, Intl.NumberFormat>();

/** Minor units as the shopper's locale writes them, e.g. 1999 USD -> "$19.99". */
export function formatMoney({ amount, currency }: { amount: number; currency: string }): string {
  let format = formats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    formats.set(currency, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}
