import type autocannon from 'autocannon';

/** Words shoppers type: names, description phrases, and one typo. */
export const SEARCHES = [
  'kettle',
  'waterproof',
  'smart speaker',
  'gift',
  'lightweight backpack',
  'recycled',
  'lamp',
  'chiar',
];

const LIST = /* GraphQL */ `
  query Browse($filter: ProductFilter, $orderBy: ProductOrder) {
    products(first: 20, filter: $filter, orderBy: $orderBy) {
      edges {
        cursor
        node {
          id
          name
          price {
            amount
            currency
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
const DETAIL = /* GraphQL */ `
  query ProductPage($id: ID!) {
    product(id: $id) {
      id
      name
      description
      price {
        amount
        currency
      }
      category {
        name
      }
      stock {
        available
      }
      inStock
    }
  }
`;

const body = (query: string, variables: Record<string, unknown>): autocannon.Request => ({
  method: 'POST',
  body: JSON.stringify({ query, variables }),
});

/**
 * The anonymous browse mix, cycled by every connection: first pages in two orders, searches,
 * category pages by price and in stock, and product pages with stock (about 40% of requests).
 */
export function browseRequests(categoryIds: string[], productIds: string[]): autocannon.Request[] {
  const lists = [
    body(LIST, {}),
    body(LIST, { orderBy: { field: 'PRICE' } }),
    ...SEARCHES.map((search) => body(LIST, { filter: { search } })),
    ...categoryIds.map((categoryId) => body(LIST, { filter: { categoryId }, orderBy: { field: 'PRICE' } })),
    ...categoryIds.slice(0, 4).map((categoryId) => body(LIST, { filter: { categoryId, inStock: true } })),
  ];
  const details = productIds.slice(0, 15).map((id) => body(DETAIL, { id }));
  return [...lists, ...details];
}
