import { ChangeType, CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import type { GraphQLSchema } from 'graphql';

export type ChangeLevel = 'breaking' | 'dangerous' | 'safe';

/** One difference between two schemas, as GraphQL Inspector classifies it. */
export interface SchemaChange {
  level: ChangeLevel;
  /** GraphQL Inspector's change type, e.g. FIELD_REMOVED. */
  type: string;
  /** Inspector's dotted path (Type.field.arg), what usage is matched on. */
  path: string;
  /** The schema coordinate as people write it: Type.field(arg:). */
  coordinate: string;
  message: string;
  /** Why it is breaking or dangerous, when Inspector says. */
  reason: string | undefined;
}

const LEVELS: Record<CriticalityLevel, ChangeLevel> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

/**
 * Inspector's level, but an optional argument added to a field is safe: no operation changes
 * meaning. (Inspector calls it dangerous in case the resolver's logic changes, which the schema
 * cannot tell; the review of the resolver can.)
 */
function levelOf(change: Change): ChangeLevel {
  const optionalArgument =
    change.type === ChangeType.FieldArgumentAdded && change.criticality.level === CriticalityLevel.Dangerous;
  return optionalArgument ? 'safe' : LEVELS[change.criticality.level];
}

/** Inspector's path in schema-coordinate notation: `Query.products.first` -> `Query.products(first:)`. */
export function coordinateOf(path: string): string {
  const at = path.indexOf('.@');
  if (at >= 0) return `${at === 0 ? 'schema' : coordinateOf(path.slice(0, at))} ${path.slice(at + 1)}`;
  const [owner = '', member, argument] = path.split('.');
  if (owner.startsWith('@')) return member === undefined ? owner : `${owner}(${member}:)`;
  if (argument !== undefined) return `${owner}.${member}(${argument}:)`;
  return member === undefined ? owner : `${owner}.${member}`;
}

/**
 * Every change from `base` to `next`, breaking first. The @deprecated directive's usage changes
 * are dropped: Inspector reports the same thing as a deprecation change already.
 */
export async function diffSchemas(base: GraphQLSchema, next: GraphQLSchema): Promise<SchemaChange[]> {
  const changes = await diff(base, next);
  const order: ChangeLevel[] = ['breaking', 'dangerous', 'safe'];
  return changes
    .filter((change) => !(change.type.startsWith('DIRECTIVE_USAGE_') && /\.@deprecated\b/.test(change.path ?? '')))
    .map((change) => ({
      level: levelOf(change),
      type: change.type,
      path: change.path ?? '',
      coordinate: coordinateOf(change.path ?? ''),
      message: change.message,
      // A directive usage's reason restates its message.
      reason: change.type.startsWith('DIRECTIVE_USAGE_') ? undefined : change.criticality.reason,
    }))
    .sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level) || a.path.localeCompare(b.path));
}
