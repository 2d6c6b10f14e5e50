/**
 * The operations the seed sends through the router, named so they can be registered in the
 * persisted-query manifest (npm run operations:manifest) and checked against schema changes.
 */
export const SEED_OPERATIONS = {
  login: /* GraphQL */ `
    mutation SeedLogin($input: LoginInput!) {
      login(input: $input) {
        token
      }
    }
  `,
  productSkus: /* GraphQL */ `
    query SeedProductSkus($after: String) {
      products(first: 100, after: $after) {
        edges {
          node {
            id
            sku
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  categories: /* GraphQL */ `
    query SeedCategories {
      categories {
        id
        slug
      }
    }
  `,
  createCategory: /* GraphQL */ `
    mutation SeedCreateCategory($input: CreateCategoryInput!) {
      createCategory(input: $input) {
        id
      }
    }
  `,
  importProducts: /* GraphQL */ `
    mutation SeedImportProducts($products: [CreateProductInput!]!) {
      importProducts(products: $products) {
        id
        sku
      }
    }
  `,
  importStock: /* GraphQL */ `
    mutation SeedImportStock($levels: [InitialStockInput!]!) {
      importStock(levels: $levels, reason: "demo seed") {
        stocked
      }
    }
  `,
  register: /* GraphQL */ `
    mutation SeedRegister($input: RegisterInput!) {
      register(input: $input) {
        token
      }
    }
  `,
  firstOrder: /* GraphQL */ `
    query SeedFirstOrder {
      me {
        orders(first: 1) {
          edges {
            cursor
          }
        }
      }
    }
  `,
  addToCart: /* GraphQL */ `
    mutation SeedAddToCart($id: ID!) {
      addToCart(productId: $id, quantity: 1) {
        lines {
          quantity
        }
      }
    }
  `,
  placeOrder: /* GraphQL */ `
    mutation SeedPlaceOrder($key: String!) {
      placeOrder(idempotencyKey: $key) {
        id
      }
    }
  `,
  productStock: /* GraphQL */ `
    query SeedProductStock {
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
} as const;
