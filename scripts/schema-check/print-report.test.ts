import { describe, expect, it } from 'vitest';
import type { JudgedChange } from './check-schema.ts';
import { changeTable, condense } from './print-report.ts';

const change = (path: string, type: string, level: JudgedChange['level'] = 'safe'): JudgedChange => ({
  level,
  type,
  path,
  coordinate: path,
  message: `${type} at ${path}`,
  reason: undefined,
  verdict: level === 'breaking' ? 'fail' : 'ok',
  why: level === 'breaking' ? 'used by Browse (web/browse.ts).' : '',
});

describe('condense', () => {
  it('lists an added type once, and counts its members and description edits', () => {
    const { rows, hidden } = condense([
      change('Category', 'TYPE_ADDED'),
      change('Category.id', 'FIELD_ADDED'),
      change('Category.products.first', 'FIELD_ARGUMENT_ADDED'),
      change('Query.category', 'FIELD_ADDED'),
      change('Query.category.slug', 'FIELD_ARGUMENT_ADDED'),
      change('Query.products', 'FIELD_DESCRIPTION_CHANGED'),
      change('@cacheControl', 'DIRECTIVE_ADDED'),
      change('@cacheControl', 'DIRECTIVE_LOCATION_ADDED'),
      change('Product.@cacheControl', 'DIRECTIVE_USAGE_OBJECT_ADDED'),
    ]);
    expect(rows.map(({ path }) => path)).toEqual(['Category', 'Query.category', '@cacheControl']);
    expect(hidden).toEqual([
      '4 member(s) of added types, fields or directives',
      '1 description change(s)',
      '1 directive usage change(s)',
    ]);
  });

  it('never hides a breaking change', () => {
    const removed = change('Product.description', 'FIELD_DESCRIPTION_REMOVED', 'breaking');
    expect(condense([removed]).rows).toEqual([removed]);
  });
});

describe('changeTable', () => {
  it('aligns level, coordinate, verdict and change, with why under the change', () => {
    expect(
      changeTable([change('Product.price', 'FIELD_REMOVED', 'breaking'), change('Product.weight', 'FIELD_ADDED')]),
    ).toEqual([
      '  BREAKING  Product.price   FAIL  FIELD_REMOVED at Product.price',
      '                                  why: used by Browse (web/browse.ts).',
      '  safe      Product.weight  ok    FIELD_ADDED at Product.weight',
    ]);
  });
});
