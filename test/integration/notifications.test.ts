import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '#lib/prisma';
import { sharedSystem, type SharedTestSystem } from '#test/harness/system';
import { errorCodes, postGraphQL } from '#system/graphql-client';
import { asRouterFor } from '#test/harness/router-identity';
import { createAdmin, registerCustomer, type SignedInUser } from '#testing/accounts';
import { countRows } from '#testing/databases';
import { PrismaClient } from '#subgraphs/notifications/generated/prisma/client';
import { createCaptureChannel } from '#subgraphs/notifications/channels/capture-channel';
import {
  DeliveryFailedError,
  deliverNotification,
  type NotificationRequest,
} from '#subgraphs/notifications/deliver-notification';
import { InvalidPayloadError } from '#subgraphs/notifications/templates';

const NOTIFICATIONS_FIELDS = /* GraphQL */ `
  notifications(first: $first) {
    edges {
      node {
        template
        status
        attempts
        lastError
        payload
        user {
          id
        }
      }
    }
  }
`;
const MY_NOTIFICATIONS = `query ($first: Int) { me { ${NOTIFICATIONS_FIELDS} } }`;
const USER_NOTIFICATIONS = `query ($r: [_Any!]!, $first: Int) { _entities(representations: $r) { ... on User { ${NOTIFICATIONS_FIELDS} } } }`;

interface NotificationNode {
  template: string;
  status: string;
  attempts: number;
  lastError: string | null;
  payload: Record<string, unknown>;
  user: { id: string };
}
interface Page {
  edges: { node: NotificationNode }[];
}

let system: SharedTestSystem;
let prisma: PrismaClient;
let alice: SignedInUser;
let bob: SignedInUser;
let admin: SignedInUser;

const notificationCount = () => countRows(system.databaseUrls['notifications']!, 'Notification');

const confirmation = (orderId: string): NotificationRequest => ({
  dedupeKey: `order-confirmed:${orderId}`,
  userId: alice.id,
  template: 'ORDER_CONFIRMED',
  payload: { orderId, total: { amount: 4998, currency: 'USD' } },
  to: 'alice@example.com',
});

beforeAll(async () => {
  system = await sharedSystem();
  prisma = createPrismaClient(PrismaClient, { url: system.databaseUrls['notifications']!, poolSize: 5 });
  admin = await createAdmin(system);
  alice = await registerCustomer(system, 'alice@example.com', 'Alice');
  bob = await registerCustomer(system, 'bob@example.com', 'Bob');
});
afterAll(async () => {
  await prisma?.$disconnect();
});

describe('deliverNotification', () => {
  it('sends once per dedupe key however often it is called', async () => {
    const channel = createCaptureChannel();
    const first = await deliverNotification(prisma, channel, confirmation('order-1'));
    const second = await deliverNotification(prisma, channel, confirmation('order-1'));
    expect(first.delivered).toBe(true);
    expect(second.delivered).toBe(false);
    expect(second.notification).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(channel.sent).toHaveLength(1);
    expect(channel.sent[0]).toMatchObject({ to: 'alice@example.com', subject: 'Your order order-1 is confirmed' });
    expect(channel.sent[0]!.text).toContain('$49.98');
  });

  it('sends once when concurrent calls race on one key', async () => {
    const channel = createCaptureChannel();
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => deliverNotification(prisma, channel, confirmation('order-race'))),
    );
    expect(channel.sent).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.delivered)).toHaveLength(1);
  });

  it('records a failed send and throws so the job retries; the retry sends it', async () => {
    const channel = createCaptureChannel();
    channel.failNext(1, new Error('mail server unreachable'));
    const failed = deliverNotification(prisma, channel, confirmation('order-flaky'));
    await expect(failed).rejects.toBeInstanceOf(DeliveryFailedError);
    const recorded = await prisma.notification.findUniqueOrThrow({
      where: { dedupeKey: 'order-confirmed:order-flaky' },
    });
    expect(recorded).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      lastError: 'mail server unreachable',
      sentAt: null,
    });
    expect(channel.sent).toHaveLength(0);

    const retried = await deliverNotification(prisma, channel, confirmation('order-flaky'));
    expect(retried.notification).toMatchObject({ status: 'SENT', attempts: 2, lastError: null });
    expect(channel.sent).toHaveLength(1);
  });

  it('refuses a payload the template cannot render before writing anything', async () => {
    const before = await notificationCount();
    const channel = createCaptureChannel();
    const broken = deliverNotification(prisma, channel, {
      ...confirmation('order-broken'),
      payload: { orderId: 'order-broken' },
    });
    await expect(broken).rejects.toBeInstanceOf(InvalidPayloadError);
    expect(await notificationCount()).toBe(before);
    expect(channel.sent).toHaveLength(0);
  });
});

describe('User.notifications', () => {
  beforeAll(async () => {
    const channel = createCaptureChannel();
    channel.failNext(1, new Error('smtp 421 at mx.internal'));
    await deliverNotification(prisma, channel, {
      dedupeKey: 'order-failed:order-9',
      userId: alice.id,
      template: 'ORDER_FAILED',
      payload: { orderId: 'order-9', reason: 'payment declined' },
      to: 'alice@example.com',
    }).catch(() => undefined);
  });

  it("shows the owner their own notifications, newest first, without the channel's error text", async () => {
    const response = await system.graphql<{ me: { notifications: Page } }>({
      query: MY_NOTIFICATIONS,
      variables: { first: 10 },
      token: alice.token,
    });
    expect(response.errors).toBeUndefined();
    const nodes = response.data!.me.notifications.edges.map(({ node }) => node);
    expect(nodes[0]).toMatchObject({
      template: 'ORDER_FAILED',
      status: 'FAILED',
      attempts: 1,
      lastError: null,
      payload: { orderId: 'order-9', reason: 'payment declined' },
      user: { id: alice.id },
    });
    expect(nodes.every((node) => node.user.id === alice.id)).toBe(true);
  });

  it('shows another customer none of them: their own list is empty, and asking for hers is FORBIDDEN', async () => {
    const own = await system.graphql<{ me: { notifications: Page } }>({
      query: MY_NOTIFICATIONS,
      variables: { first: 10 },
      token: bob.token,
    });
    expect(own.data!.me.notifications.edges).toEqual([]);
    const variables = { r: [{ __typename: 'User', id: alice.id }], first: 10 };
    const hers = await postGraphQL(system.subgraphUrls['notifications']!, {
      query: USER_NOTIFICATIONS,
      variables,
      headers: await asRouterFor({ userId: bob.id, role: 'CUSTOMER' }),
    });
    expect(errorCodes(hers)).toEqual(['FORBIDDEN']);
    const anonymous = await postGraphQL(system.subgraphUrls['notifications']!, {
      query: USER_NOTIFICATIONS,
      variables,
      headers: await asRouterFor(null),
    });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it("shows an admin any user's notifications, with the error text", async () => {
    const response = await postGraphQL<{ _entities: { notifications: Page }[] }>(
      system.subgraphUrls['notifications']!,
      {
        query: USER_NOTIFICATIONS,
        variables: { r: [{ __typename: 'User', id: alice.id }], first: 10 },
        headers: await asRouterFor({ userId: admin.id, role: 'ADMIN' }),
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities[0]!.notifications.edges[0]!.node.lastError).toBe('smtp 421 at mx.internal');
  });

  it('refuses a page size above the maximum with BAD_USER_INPUT', async () => {
    const response = await system.graphql({ query: MY_NOTIFICATIONS, variables: { first: 101 }, token: alice.token });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });
});
