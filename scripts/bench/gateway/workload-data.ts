/** The static data the bench's subgraphs serve: deterministic, so every run answers the same. */
export interface ProductRow {
  upc: string;
  name: string;
  price: number;
  weight: number;
}
export interface ReviewRow {
  id: string;
  body: string;
  authorId: string;
  upc: string;
}
export interface UserRow {
  id: string;
  name: string;
  username: string;
}

const PRODUCTS = 60;
const USERS = 30;
const REVIEWS_PER_PRODUCT = 4;

export const products: ProductRow[] = Array.from({ length: PRODUCTS }, (_, i) => ({
  upc: `upc-${i + 1}`,
  name: `Product number ${i + 1}`,
  price: 100 + ((i * 37) % 900),
  weight: 1 + ((i * 13) % 50),
}));

export const users: UserRow[] = Array.from({ length: USERS }, (_, i) => ({
  id: `user-${i + 1}`,
  name: `User Name ${i + 1}`,
  username: `user${i + 1}`,
}));

export const reviews: ReviewRow[] = products.flatMap((product, p) =>
  Array.from({ length: REVIEWS_PER_PRODUCT }, (_, r) => {
    const n = p * REVIEWS_PER_PRODUCT + r;
    return {
      id: `review-${n + 1}`,
      body: `Review ${n + 1}: solid, as described.`,
      authorId: `user-${(n % USERS) + 1}`,
      upc: product.upc,
    };
  }),
);

export const productByUpc = new Map(products.map((product) => [product.upc, product]));
export const userById = new Map(users.map((user) => [user.id, user]));
