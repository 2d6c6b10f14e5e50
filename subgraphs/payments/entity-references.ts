/** An Order as payments knows it: only the key; the orders subgraph owns everything else about it. */
export interface OrderReference {
  id: string;
}
