/**
 * The bench's own federated workload: four small subgraphs in the shape of Apollo's classic
 * federation demo (products, inventory with `@requires`, reviews with `@provides`, users), so the
 * bench measures the gateways on entities spread across subgraphs, not on this shop's databases.
 */
const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires", "@provides", "@shareable"])';

export const WORKLOAD_SDL: Record<string, string> = {
  products: `${LINK}
    type Query { topProducts(first: Int = 5): [Product] }
    type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`,
  inventory: `${LINK}
    type Product @key(fields: "upc") {
      upc: String!
      weight: Int @external
      price: Int @external
      inStock: Boolean
      shippingEstimate: Int @requires(fields: "price weight")
    }`,
  users: `${LINK}
    type Query { me: User }
    type User @key(fields: "id") { id: ID! name: String username: String @shareable }`,
  reviews: `${LINK}
    type Review @key(fields: "id") { id: ID! body: String author: User @provides(fields: "username") product: Product }
    type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
    type Product @key(fields: "upc") { upc: String! reviews: [Review] }`,
};

/**
 * The measured operation: every product's reviews, each review's author (username provided by
 * reviews, name from users) with that author's own reviews and their products' names (back to
 * products), and stock with a shipping estimate that `@requires` price and weight. About 85 KB.
 */
export const WORKLOAD_QUERY = `query TopProducts {
  topProducts(first: 20) {
    upc name price weight inStock shippingEstimate
    reviews {
      id body
      author { id username name reviews { id body product { upc name } } }
    }
  }
}`;
