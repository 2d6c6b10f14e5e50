import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { ErrorCode, userError } from '#lib/errors';
import type { BreakerSettings } from '#lib/resilience/circuit-breaker';
import { createServiceCall } from '#lib/resilience/service-call';
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
  /** The breaker around catalog, the router's settings (SUBGRAPH_BREAKER_*). */
  breaker: BreakerSettings;
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

class UnexpectedAnswer extends Error {
  constructor(readonly body: unknown) {
    super('catalog answered something other than the entities asked for');
  }
}

const isDeadlineExceeded = (error: unknown) =>
  error instanceof GraphQLError && error.extensions['code'] === ErrorCode.DeadlineExceeded;

/**
 * Asks the catalog subgraph over HTTP under a breaker and a timeout (the request's deadline, if
 * sooner, which catalog is told); a request out of time fails with DEADLINE_EXCEEDED, any other
 * transport or protocol failure (an open breaker included) with SERVICE_UNAVAILABLE.
 */
export function createHttpCatalogClient({
  url,
  timeoutMs,
  breaker,
  logger,
  signIdentity,
}: HttpCatalogClientOptions): CatalogClient {
  const service = createServiceCall({ timeoutMs, breaker });
  return {
    async productsByIds(ids, requestId) {
      if (ids.length === 0) return [];
      try {
        return await service.run(async ({ signal, headers }) => {
          const identity = await signIdentity({ requestId: requestId ?? randomUUID(), viewer: null });
          const response = await fetch(url, {
            method: 'POST',
            headers: {
              ...headers,
              'content-type': 'application/json',
              [ROUTER_IDENTITY_HEADER]: identity,
              ...(requestId ? { 'x-request-id': requestId } : {}),
            },
            body: JSON.stringify({
              query: ENTITIES_QUERY,
              variables: { representations: ids.map((id) => ({ __typename: 'Product', id })) },
            }),
            signal,
          });
          const body: unknown = await response.json();
          const parsed = responseSchema.safeParse(body);
          const entities = parsed.success ? parsed.data.data?._entities : undefined;
          if (!entities || entities.length !== ids.length || parsed.data?.errors?.length) {
            throw new UnexpectedAnswer(body);
          }
          return entities;
        });
      } catch (error) {
        if (isDeadlineExceeded(error)) throw error;
        const body = error instanceof UnexpectedAnswer ? { body: error.body } : { err: error };
        logger.warn({ ...body, url, requestId }, 'catalog request failed');
        throw unavailable();
      }
    },
  };
}
