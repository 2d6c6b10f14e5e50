import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ROUTER_IDENTITY_HEADER, createRouterIdentitySigner } from '#lib/auth/router-identity';
import { Role } from '#lib/auth/viewer';
import type { BreakerSettings } from '#lib/resilience/circuit-breaker';
import { createServiceCall } from '#lib/resilience/service-call';

/** Where a notification for a user goes; the address is owned by accounts, never copied here. */
export interface RecipientLookup {
  /** The user's e-mail address, or null when accounts does not know the user. */
  emailOf(userId: string): Promise<string | null>;
}

/** The account the notifications worker acts as towards accounts: an admin, to read e-mail addresses. */
export const NOTIFICATIONS_SERVICE_ID = '00000000-0000-4000-8000-00000000000e';

const EMAIL_QUERY = /* GraphQL */ `
  query RecipientEmail($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on User {
        email
      }
    }
  }
`;

const responseSchema = z.object({
  data: z.object({ _entities: z.array(z.object({ email: z.string().nullable() }).nullable()) }).nullish(),
  errors: z.array(z.object({ message: z.string() })).optional(),
});

/**
 * Asks the accounts subgraph for the address at send time (the entity query every subgraph
 * answers), signed like the router's identity statement (service-to-service calls skip the
 * router, as orders' catalog calls do), as an admin service account: the address stays in one
 * database, and a changed address is used at once. Calls run under the same breaker and timeout
 * as the router's (lib/resilience/service-call.ts), so a job meeting an accounts that is down fails
 * at once instead of waiting out a timeout. A failure throws, and the job is retried.
 */
export function createAccountsRecipientLookup(options: {
  accountsUrl: string;
  routerSigningSecret: string;
  timeoutMs: number;
  breaker: BreakerSettings;
}): RecipientLookup {
  const sign = createRouterIdentitySigner(options.routerSigningSecret);
  const service = createServiceCall({ timeoutMs: options.timeoutMs, breaker: options.breaker });
  return {
    emailOf: (userId) =>
      service.run(async ({ signal, headers }) => {
        const identity = await sign({
          requestId: randomUUID(),
          viewer: { userId: NOTIFICATIONS_SERVICE_ID, role: Role.Admin },
        });
        const response = await fetch(options.accountsUrl, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', [ROUTER_IDENTITY_HEADER]: identity },
          body: JSON.stringify({
            query: EMAIL_QUERY,
            variables: { representations: [{ __typename: 'User', id: userId }] },
          }),
          signal,
        });
        const body = responseSchema.parse(await response.json());
        if (body.errors?.length || !body.data) {
          throw new Error(
            `accounts did not answer the recipient of ${userId}: ${body.errors?.[0]?.message ?? response.status}`,
          );
        }
        return body.data._entities[0]?.email ?? null;
      }),
  };
}
