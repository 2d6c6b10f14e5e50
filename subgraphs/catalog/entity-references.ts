/** A User as catalog knows it: only the key, resolved by the accounts subgraph. */
export interface UserReference {
  __typename: 'User';
  id: string;
}
