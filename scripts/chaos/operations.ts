/** The operations the chaos run sends besides the load's mix, registered like every client's. */
export const CHAOS_OPERATIONS = {
  cancelOrder: /* GraphQL */ `
    mutation ChaosCancelOrder($id: ID!) {
      cancelOrder(id: $id) {
        id
        status
      }
    }
  `,
} as const;
