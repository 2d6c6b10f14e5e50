import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

export interface OperationShape {
  /** Deepest field nesting; a root field is depth 1. */
  depth: number;
  /** Aliased fields, counting a fragment's aliases once per place it is spread. */
  aliases: number;
}

/**
 * Measures an operation as it will execute, fragments expanded. Runs after validation, which
 * already refused fragment cycles, so the walk ends.
 */
export function measureOperation(document: DocumentNode, selectionSet: SelectionSetNode): OperationShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const walk = (set: SelectionSetNode, depth: number): OperationShape => {
    let shape: OperationShape = { depth, aliases: 0 };
    for (const selection of set.selections) {
      let inner: OperationShape;
      if (selection.kind === Kind.FIELD) {
        // Introspection's own nesting is fixed and harmless; where it is allowed it is not counted.
        if (selection.name.value.startsWith('__')) continue;
        inner = selection.selectionSet ? walk(selection.selectionSet, depth + 1) : { depth: depth + 1, aliases: 0 };
        if (selection.alias) inner = { ...inner, aliases: inner.aliases + 1 };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = walk(selection.selectionSet, depth);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        inner = walk(fragment.selectionSet, depth);
      }
      shape = { depth: Math.max(shape.depth, inner.depth), aliases: shape.aliases + inner.aliases };
    }
    return shape;
  };
  return walk(selectionSet, 0);
}
