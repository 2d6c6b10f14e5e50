/** A User as notifications knows it: only the key, resolved by the accounts subgraph. */
export interface UserReference {
  __typename: 'User';
  id: string;
}

export const userReference = (id: string): UserReference => ({ __typename: 'User', id });
