/** The operations the Black Friday mix sends, named so the router's metrics and logs tell them apart. */
export const OPERATIONS = {
  browse: /* GraphQL */ `
    query LoadBrowse {
      products(first: 20) {
        edges {
          node {
            id
            name
            price {
              amount
              currency
            }
            stock {
              available
            }
            inStock
          }
        }
      }
    }
  `,
  addToCart: /* GraphQL */ `
    mutation LoadAddToCart($productId: ID!) {
      addToCart(productId: $productId, quantity: 1) {
        total {
          amount
        }
      }
    }
  `,
  viewCart: /* GraphQL */ `
    query LoadViewCart {
      cart {
        lines {
          quantity
          product {
            name
            inStock
          }
        }
        total {
          amount
          currency
        }
      }
    }
  `,
  placeOrder: /* GraphQL */ `
    mutation LoadPlaceOrder($idempotencyKey: String!) {
      placeOrder(idempotencyKey: $idempotencyKey) {
        id
        status
      }
    }
  `,
  orderHistory: /* GraphQL */ `
    query LoadOrderHistory($first: Int!) {
      me {
        orders(first: $first) {
          edges {
            node {
              id
              status
            }
          }
        }
      }
    }
  `,
} as const;

export type OperationName = keyof typeof OPERATIONS;

/** The operations that prepare a load run and count its outcome, outside the measured mix. */
export const SETUP_OPERATIONS = {
  registerShopper: /* GraphQL */ `
    mutation LoadRegisterShopper($input: RegisterInput!) {
      register(input: $input) {
        token
      }
    }
  `,
  stockedProducts: /* GraphQL */ `
    query LoadStockedProducts {
      products(first: 100) {
        edges {
          node {
            id
            stock {
              available
            }
          }
        }
      }
    }
  `,
  orderStatuses: /* GraphQL */ `
    query LoadOrderStatuses($after: String) {
      me {
        orders(first: 100, after: $after) {
          edges {
            node {
              id
              status
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  `,
} as const;
