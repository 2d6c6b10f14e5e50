import {
  getNamedType,
  isInputObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';

/** Every input type a value of this type may hold, since a variable can pass any of it. */
function addInputTypes(type: GraphQLType, into: Set<string>) {
  const named: GraphQLNamedType = getNamedType(type);
  if (into.has(named.name)) return;
  into.add(named.name);
  if (isInputObjectType(named)) {
    for (const field of Object.values(named.getFields())) {
      into.add(`${named.name}.${field.name}`);
      addInputTypes(field.type, into);
    }
  }
}

/**
 * The schema elements an operation uses, in GraphQL Inspector's path notation: types it touches
 * (`Product`), fields it selects (`Product.price`), arguments it passes (`Query.products.first`),
 * input fields and enum values it writes (`MoneyInput.amount`, `Status.PAID`), directives (`@skip`).
 * Elements the schema does not know are left out: the caller asks of the schema it judges against.
 */
export function usageOf(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const used = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        used.add(parent.name).add(`${parent.name}.${field.name}`).add(getNamedType(field.type).name);
      },
      Argument(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const argument = typeInfo.getArgument();
        // A directive's argument (@include(if:)) is not the field's.
        if (parent && field && argument && !typeInfo.getDirective())
          used.add(`${parent.name}.${field.name}.${node.name.value}`);
        if (argument) addInputTypes(argument.type, used);
      },
      ObjectField(node) {
        const parent = typeInfo.getParentInputType();
        if (parent) used.add(`${getNamedType(parent).name}.${node.name.value}`);
      },
      EnumValue(node) {
        const type = typeInfo.getInputType();
        if (type) used.add(`${getNamedType(type).name}.${node.value}`);
      },
      VariableDefinition() {
        const type = typeInfo.getInputType();
        if (type) addInputTypes(type, used);
      },
      NamedType(node) {
        if (schema.getType(node.name.value)) used.add(node.name.value);
      },
      Directive(node) {
        used.add(`@${node.name.value}`);
      },
    }),
  );
  return used;
}

/**
 * The element whose use means an operation is reached by a schema change at this GraphQL Inspector
 * path, or undefined when no operation can be. Conservative where a variable could carry it: a
 * change to an enum value or input field counts for operations that touch the type, and a change to
 * an argument for operations that select the field (making an argument required breaks operations
 * that do not pass it).
 */
export function usageKeyOf(change: { type: string; path: string }): string | undefined {
  const at = change.path.indexOf('.@');
  // No path, or a directive on the schema itself: nothing an operation names.
  if (change.path === '' || at === 0) return undefined;
  const path = at > 0 ? change.path.slice(0, at) : change.path;
  const [owner = '', member, argument] = path.split('.');
  if (owner.startsWith('@') || member === undefined) return owner;
  if (argument !== undefined) return `${owner}.${member}`;
  if (/^(ENUM_VALUE|INPUT_FIELD)_/.test(change.type)) return owner;
  return `${owner}.${member}`;
}
