import { describe, expect, it } from 'vitest';
import { graphql, parse } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { pino } from 'pino';
import { applyAccessDirectives } from './access-directives.ts';
import type { Viewer } from '../auth/viewer.ts';

const schema = applyAccessDirectives(
  buildSubgraphSchema({
    typeDefs: parse(`
      directive @signedIn on OBJECT | FIELD_DEFINITION
      directive @adminOnly on OBJECT | FIELD_DEFINITION
      type Query {
        open: String
        mine: String @signedIn
        report: Report
      }
      type Report @adminOnly {
        total: Int
      }
    `),
    resolvers: {
      Query: { open: () => 'open', mine: () => 'mine', report: () => ({ total: 42 }) },
    },
  }),
);

const customer: Viewer = { userId: '01900000-0000-7000-8000-000000000001', role: 'CUSTOMER' };
const admin: Viewer = { userId: '01900000-0000-7000-8000-000000000002', role: 'ADMIN' };

async function run(source: string, viewer: Viewer | null) {
  const result = await graphql({
    schema,
    source,
    contextValue: { viewer, requestId: 'test', logger: pino({ level: 'silent' }) },
  });
  return { data: result.data, codes: (result.errors ?? []).map((error) => error.extensions['code']) };
}

describe('access directives in the SDL', () => {
  it('leaves unmarked fields open to anonymous callers', async () => {
    expect(await run('{ open }', null)).toEqual({ data: { open: 'open' }, codes: [] });
  });

  it('refuses a @signedIn field to an anonymous caller and serves it to anyone signed in', async () => {
    expect((await run('{ mine }', null)).codes).toEqual(['UNAUTHENTICATED']);
    expect(await run('{ mine }', customer)).toEqual({ data: { mine: 'mine' }, codes: [] });
  });

  it('guards every field of an @adminOnly type: FORBIDDEN for customers, served to admins', async () => {
    expect(await run('{ report { total } }', customer)).toEqual({
      data: { report: { total: null } },
      codes: ['FORBIDDEN'],
    });
    expect((await run('{ report { total } }', null)).codes).toEqual(['UNAUTHENTICATED']);
    expect(await run('{ report { total } }', admin)).toEqual({ data: { report: { total: 42 } }, codes: [] });
  });
});
