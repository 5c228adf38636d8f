// Which fields a selection asks of a value of one concrete type: fields, inline fragments and named
// fragments (matching by type or by interface), @skip/@include honoured, merged by response key.
import {
  type FieldNode,
  type FragmentDefinitionNode,
  getDirectiveValues,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  isAbstractType,
  Kind,
  type SelectionSetNode,
} from 'graphql';

export interface SelectionScope {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

type DirectiveNodeHolder = Parameters<typeof getDirectiveValues>[1];

function included(scope: SelectionScope, node: DirectiveNodeHolder): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, scope.variables)?.if === true) return false;
  if (getDirectiveValues(GraphQLIncludeDirective, node, scope.variables)?.if === false) return false;
  return true;
}

function applies(scope: SelectionScope, typeName: string | undefined, type: GraphQLObjectType): boolean {
  if (!typeName || typeName === type.name) return true;
  const condition = scope.schema.getType(typeName);
  return !!condition && isAbstractType(condition) && scope.schema.isSubType(condition, type);
}

/** Response key → the field nodes asking for it, for values of `type`, from the sub-selections of `fieldNodes`. */
export function collectSubfields(
  scope: SelectionScope,
  type: GraphQLObjectType,
  fieldNodes: readonly FieldNode[],
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (!included(scope, selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        fields.set(key, [...(fields.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(scope, selection.typeCondition?.name.value, type)) walk(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = scope.fragments[name];
        if (!fragment || visited.has(name)) continue;
        visited.add(name);
        if (applies(scope, fragment.typeCondition.name.value, type)) walk(fragment.selectionSet);
      }
    }
  };
  for (const node of fieldNodes) walk(node.selectionSet);
  return fields;
}
