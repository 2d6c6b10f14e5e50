/**
 * A deterministic demo catalog: the same index always gives the same product, so seeding twice
 * converges on one catalog instead of growing it.
 */
const CATEGORIES = ['Kitchen', 'Garden', 'Outdoor', 'Office', 'Audio', 'Lighting', 'Travel', 'Fitness'];

/** The demo categories, created before the products; a product's category is one of these slugs. */
export const DEMO_CATEGORIES = CATEGORIES.map((name) => ({ slug: name.toLowerCase(), name }));

/** Phrases that make descriptions worth searching ("waterproof", "gift", "quiet", ...). */
const FEATURES = [
  'waterproof and easy to clean',
  'quiet enough for a sleeping baby',
  'made from recycled materials',
  'folds flat for small flats',
  'with a two-year warranty',
  'rechargeable over USB-C',
  'hand-finished stainless steel',
  'a gift that gets used every day',
  'light enough to carry all day',
  'built to survive the outdoors',
];
const ADJECTIVES = [
  'Classic',
  'Compact',
  'Deluxe',
  'Eco',
  'Heavy-Duty',
  'Lightweight',
  'Smart',
  'Vintage',
  'Pro',
  'Mini',
];
const NOUNS = [
  'Kettle',
  'Lamp',
  'Backpack',
  'Chair',
  'Speaker',
  'Bottle',
  'Blender',
  'Tent',
  'Desk',
  'Mat',
  'Jacket',
  'Clock',
];

export interface DemoProduct {
  sku: string;
  name: string;
  description: string;
  price: { amount: number; currency: string };
  onHand: number;
  /** A slug of DEMO_CATEGORIES. */
  category: string;
}

/** A small seeded PRNG (mulberry32) so prices and stock are varied but reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function demoProduct(index: number): DemoProduct {
  const next = random(index + 1);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const category = pick(CATEGORIES);
  const name = `${pick(ADJECTIVES)} ${category} ${pick(NOUNS)}`;
  // Prices end in 99 so none hits the fake payment provider's always-decline amounts (…02, …03).
  const dollars = 5 + Math.floor(next() * 295);
  return {
    sku: `DEMO-${String(index + 1).padStart(5, '0')}`,
    name,
    price: { amount: dollars * 100 + 99, currency: 'USD' },
    // About one product in eight is sold out, so the in-stock filter has something to hide.
    onHand: next() < 0.125 ? 0 : Math.floor(next() * 200) + 1,
    description: `${name}: a ${category.toLowerCase()} favourite, ${pick(FEATURES)}, ${pick(FEATURES)}. Demo item ${index + 1}.`,
    category: category.toLowerCase(),
  };
}
