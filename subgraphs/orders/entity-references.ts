/** A User as orders knows it: only the key, resolved by the accounts subgraph. */
export interface UserReference {
  __typename: 'User';
  id: string;
}

/** A Product as orders knows it: only the key, resolved by the catalog subgraph. */
export interface ProductReference {
  __typename: 'Product';
  id: string;
}

export const userReference = (id: string): UserReference => ({ __typename: 'User', id });
export const productReference = (id: string): ProductReference => ({ __typename: 'Product', id });
