/**
 * A deterministic demo catalog: the same index always gives the same product, so seeding twice
 * converges on one catalog instead of growing it.
 */
const CATEGORIES = ['Kitchen', 'Garden', 'Outdoor', 'Office', 'Audio', 'Lighting', 'Travel', 'Fitness'];
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
    description: `${name}: a ${category.toLowerCase()} favourite, demo item ${index + 1}.`,
    price: { amount: dollars * 100 + 99, currency: 'USD' },
    onHand: Math.floor(next() * 200),
  };
}
