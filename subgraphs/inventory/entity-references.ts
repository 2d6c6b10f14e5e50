/** A Product as inventory knows it: only the key; catalog owns everything else about it. */
export interface ProductReference {
  id: string;
}

/** A User as inventory knows it: only the key, resolved by the accounts subgraph. */
export interface UserReference {
  __typename: 'User';
  id: string;
}
