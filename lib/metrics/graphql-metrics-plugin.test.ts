import { describe, expect, it } from 'vitest';
import { boundedOperationLabel } from './graphql-metrics-plugin.ts';

describe('boundedOperationLabel', () => {
  it('keeps the first names, then labels every new name other', () => {
    const labelOf = boundedOperationLabel(2);
    expect(['A', 'B', 'A', 'C', 'B', 'D'].map(labelOf)).toEqual(['A', 'B', 'A', 'other', 'B', 'other']);
  });

  it('labels an unnamed operation anonymous', () => {
    const labelOf = boundedOperationLabel(1);
    expect([null, undefined, ''].map(labelOf)).toEqual(['anonymous', 'anonymous', 'anonymous']);
  });

  it('holds at most the bound of distinct labels whatever clients send', () => {
    const labelOf = boundedOperationLabel();
    const labels = new Set(Array.from({ length: 10_000 }, (_, i) => labelOf(`Op${i}`)));
    expect(labels.size).toBe(51);
  });
});
