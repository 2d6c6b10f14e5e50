import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { usageKeyOf, usageOf } from './operation-usage.ts';

const schema = buildSchema(`
  enum Status { OPEN PAID }
  input Filter { status: Status, min: Int }
  type Order { id: ID! status: Status! total: Int }
  type Query { orders(filter: Filter, first: Int): [Order!]! }
`);

describe('usageOf', () => {
  it('lists the types, fields, arguments, input fields and enum values an operation uses', () => {
    const used = usageOf(
      schema,
      parse('query { orders(filter: { status: PAID }) { id ... on Order { total @include(if: true) } } }'),
    );
    expect([...used].sort()).toEqual(
      [
        '@include',
        'Boolean',
        'Filter',
        'Filter.min',
        'Filter.status',
        'ID',
        'Int',
        'Order',
        'Order.id',
        'Order.total',
        'Query',
        'Query.orders',
        'Query.orders.filter',
        'Status',
        'Status.PAID',
      ].sort(),
    );
  });

  it('counts every input a variable could carry', () => {
    const used = usageOf(schema, parse('query ($f: Filter) { orders(filter: $f) { id } }'));
    expect(used).toContain('Filter.min');
    expect(used).toContain('Status');
  });

  it('leaves out what the schema does not know', () => {
    expect(usageOf(schema, parse('{ orders { nope } }'))).not.toContain('Order.nope');
  });
});

describe('usageKeyOf', () => {
  it.each([
    [{ type: 'FIELD_REMOVED', path: 'Order.total' }, 'Order.total'],
    [{ type: 'FIELD_ARGUMENT_TYPE_CHANGED', path: 'Query.orders.first' }, 'Query.orders'],
    [{ type: 'ENUM_VALUE_REMOVED', path: 'Status.OPEN' }, 'Status'],
    [{ type: 'INPUT_FIELD_ADDED', path: 'Filter.max' }, 'Filter'],
    [{ type: 'TYPE_REMOVED', path: 'Order' }, 'Order'],
    [{ type: 'DIRECTIVE_REMOVED', path: '@include' }, '@include'],
    [{ type: 'DIRECTIVE_USAGE_SCHEMA_REMOVED', path: '.@link' }, undefined],
  ])('%o is reached through %s', (change, key) => {
    expect(usageKeyOf(change)).toBe(key);
  });
});
