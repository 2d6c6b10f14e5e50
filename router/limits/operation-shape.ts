import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

export interface OperationShape {
  /** Deepest field nesting outside introspection; a root field is depth 1. */
  depth: number;
  /** Deepest nesting inside `__schema` / `__type`, counted from the root (0 without introspection). */
  introspectionDepth: number;
  /** Aliased fields, introspection's included, counting a fragment's aliases once per place it is spread. */
  aliases: number;
}

/** A selection set's shape relative to where it sits; `full` counts introspection subtrees too. */
interface Shape extends OperationShape {
  full: number;
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Shapes already measured, by operation node: Apollo keeps parsed documents in its document store
 * and hands the same nodes to every request of the same text, and two plugins measure each one.
 */
const shapes = new WeakMap<SelectionSetNode, OperationShape>();
const EMPTY: Shape = { depth: 0, full: 0, introspectionDepth: 0, aliases: 0 };

/**
 * Measures an operation as it will execute, fragments expanded, in time linear in the document:
 * each fragment is measured once and its shape reused wherever it is spread, so a document of
 * fragments that each spread the previous one twice costs no more than its length (expanding them
 * would double the work with every fragment). Runs after validation, which already refused
 * fragment cycles, so the walk ends.
 */
export function measureOperation(document: DocumentNode, selectionSet: SelectionSetNode): OperationShape {
  const known = shapes.get(selectionSet);
  if (known) return known;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, Shape>();
  const fragmentShape = (name: string): Shape => {
    let shape = measured.get(name);
    if (shape) return shape;
    const fragment = fragments.get(name);
    // Marked before the walk, so even an unvalidated cycle ends (as an empty fragment).
    measured.set(name, EMPTY);
    shape = fragment ? walk(fragment.selectionSet) : EMPTY;
    measured.set(name, shape);
    return shape;
  };
  const walk = (set: SelectionSetNode): Shape => {
    const shape = { ...EMPTY };
    for (const selection of set.selections) {
      let inner: Shape;
      if (selection.kind === Kind.FIELD) {
        const child = selection.selectionSet ? walk(selection.selectionSet) : EMPTY;
        const aliases = child.aliases + (selection.alias ? 1 : 0);
        inner = INTROSPECTION_ROOTS.has(selection.name.value)
          ? // Introspection has its own depth limit: its standard query is deeper than most operations.
            { depth: 0, full: 1 + child.full, introspectionDepth: 1 + child.full, aliases }
          : {
              depth: 1 + child.depth,
              full: 1 + child.full,
              introspectionDepth: child.introspectionDepth ? 1 + child.introspectionDepth : 0,
              aliases,
            };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = walk(selection.selectionSet);
      } else {
        inner = fragmentShape(selection.name.value);
      }
      shape.depth = Math.max(shape.depth, inner.depth);
      shape.full = Math.max(shape.full, inner.full);
      shape.introspectionDepth = Math.max(shape.introspectionDepth, inner.introspectionDepth);
      shape.aliases += inner.aliases;
    }
    return shape;
  };
  const { depth, introspectionDepth, aliases } = walk(selectionSet);
  const shape = { depth, introspectionDepth, aliases };
  shapes.set(selectionSet, shape);
  return shape;
}
