import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { graphql, parse } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { withDeadlineFrom } from '../resilience/deadline.ts';
import { stopFieldsPastDeadline } from './operation-deadline.ts';

let resolved = 0;
const schema = stopFieldsPastDeadline(
  buildSubgraphSchema({
    typeDefs: parse(`
      type Query { ping: String }
      type Mutation { write: Boolean }
    `),
    resolvers: {
      Query: { ping: () => 'pong' },
      Mutation: {
        write: () => {
          resolved += 1;
          return true;
        },
      },
    },
  }),
);

const codes = (result: Awaited<ReturnType<typeof graphql>>) =>
  (result.errors ?? []).map((error) => error.extensions['code']);

describe('stopFieldsPastDeadline', () => {
  it('runs root fields while the deadline is ahead, or when the caller sent none', async () => {
    expect((await withDeadlineFrom('5000', () => graphql({ schema, source: '{ ping }' }))).data).toEqual({
      ping: 'pong',
    });
    expect((await withDeadlineFrom(undefined, () => graphql({ schema, source: '{ ping }' }))).data).toEqual({
      ping: 'pong',
    });
    expect((await withDeadlineFrom('not a number', () => graphql({ schema, source: '{ ping }' }))).data).toEqual({
      ping: 'pong',
    });
  });

  it('refuses to start a root field once the deadline has passed, so a late mutation writes nothing', async () => {
    const late = (source: string) =>
      withDeadlineFrom('1', async () => {
        await sleep(5);
        return graphql({ schema, source });
      });
    expect(codes(await late('{ ping }'))).toEqual(['DEADLINE_EXCEEDED']);
    expect(codes(await late('mutation { write }'))).toEqual(['DEADLINE_EXCEEDED']);
    expect(resolved).toBe(0);
  });
});
