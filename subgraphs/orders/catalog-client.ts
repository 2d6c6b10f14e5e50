import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ErrorCode, userError } from '#lib/errors';
import { ROUTER_IDENTITY_HEADER, type RouterIdentitySigner } from '#lib/auth/router-identity';
import type { Logger } from '#lib/logger';
import type { Money } from './money.ts';

/** What orders needs to know of a product: its current price. */
export interface CatalogProduct {
  id: string;
  price: Money;
}

/**
 * Orders' only view of the catalog. It must not read catalog's tables, so prices come from the
 * catalog subgraph itself; tests and other transports can supply another implementation.
 */
export interface CatalogClient {
  /** One answer per id, in order: the product, or null when catalog does not know it. */
  productsByIds(ids: readonly string[], requestId?: string): Promise<(CatalogProduct | null)[]>;
}

export interface HttpCatalogClientOptions {
  /** The catalog subgraph's GraphQL endpoint (not the router: this is a service-to-service call). */
  url: string;
  timeoutMs: number;
  logger: Logger;
  /**
   * Signs the internal identity catalog requires of every caller (see README, Router): prices are
   * public, so orders asks as an anonymous caller.
   */
  signIdentity: RouterIdentitySigner;
}

// Federation's entity query: any subgraph answers it for the entities it owns, in the order asked.
const ENTITIES_QUERY = /* GraphQL */ `
  query ProductPrices($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Product {
        id
        price {
          amount
          currency
        }
      }
    }
  }
`;

const responseSchema = z.object({
  data: z
    .object({
      _entities: z.array(
        z
          .object({
            id: z.string(),
            price: z.object({ amount: z.number().int(), currency: z.string() }),
          })
          .nullable(),
      ),
    })
    .nullish(),
  errors: z.array(z.object({ message: z.string() })).optional(),
});

const unavailable = () => userError(ErrorCode.ServiceUnavailable, 'The catalog is not answering; try again shortly.');

/** Asks the catalog subgraph over HTTP; any transport or protocol failure is SERVICE_UNAVAILABLE. */
export function createHttpCatalogClient({
  url,
  timeoutMs,
  logger,
  signIdentity,
}: HttpCatalogClientOptions): CatalogClient {
  return {
    async productsByIds(ids, requestId) {
      if (ids.length === 0) return [];
      let body: unknown;
      try {
        const identity = await signIdentity({ requestId: requestId ?? randomUUID(), viewer: null });
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [ROUTER_IDENTITY_HEADER]: identity,
            ...(requestId ? { 'x-request-id': requestId } : {}),
          },
          body: JSON.stringify({
            query: ENTITIES_QUERY,
            variables: { representations: ids.map((id) => ({ __typename: 'Product', id })) },
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        body = await response.json();
      } catch (error) {
        logger.warn({ err: error, url, requestId }, 'catalog request failed');
        throw unavailable();
      }
      const parsed = responseSchema.safeParse(body);
      const entities = parsed.success ? parsed.data.data?._entities : undefined;
      if (!entities || entities.length !== ids.length || parsed.data?.errors?.length) {
        logger.warn({ url, requestId, body }, 'catalog answered something other than the entities asked for');
        throw unavailable();
      }
      return entities;
    },
  };
}
