import {
  GraphQLInputType,
  GraphQLNamedType,
  OperationDefinitionNode,
  astFromValue,
  getNamedType,
  getOperationAST,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  valueFromASTUntyped,
} from 'graphql';
import type { MercuriusContext, preExecutionHookHandler } from 'mercurius';
import { operationNameOf } from '../security/graphql-over-http';

/** Whether a value of the type can hold an input object with a non-null field that has a default. */
function holdsDefaultedNonNull(type: GraphQLInputType, seen = new Set<GraphQLNamedType>()): boolean {
  const named = getNamedType(type);
  if (!isInputObjectType(named) || seen.has(named)) return false;
  seen.add(named);
  return Object.values(named.getFields()).some((f) => (isNonNullType(f.type) && f.defaultValue !== undefined) || holdsDefaultedNonNull(f.type, seen));
}

/** The value with every missing non-null defaulted field set to its default, as a client would write it; untouched when none is missing. */
function withDefaults(value: unknown, type: GraphQLInputType): unknown {
  if (value === null || value === undefined) return value;
  const t = isNonNullType(type) ? type.ofType : type;
  if (isListType(t)) {
    const item = t.ofType;
    if (!Array.isArray(value)) return withDefaults(value, item);
    const items = value.map((v) => withDefaults(v, item));
    return items.some((v, i) => v !== value[i]) ? items : value;
  }
  if (!isInputObjectType(t) || typeof value !== 'object' || Array.isArray(value)) return value;
  let out = value as Record<string, unknown>;
  for (const field of Object.values(t.getFields())) {
    let v: unknown;
    if (!(field.name in out) && isNonNullType(field.type) && field.defaultValue !== undefined) {
      const ast = astFromValue(field.defaultValue, field.type);
      v = ast ? valueFromASTUntyped(ast) : undefined;
    } else v = withDefaults(out[field.name], field.type);
    if (v !== out[field.name]) {
      if (out === value) out = { ...out };
      out[field.name] = v;
    }
  }
  return out;
}

/**
 * graphql-jit 0.8.9 refuses a variable's input object that omits a non-null field with a default
 * (`childIds: [ID!]! = []`: "of required type [ID!]! was not provided"), which graphql-js fills with
 * its default. This preExecution hook fills them in before execution; only operations whose
 * variables can hold such a field pay for it (decided once per operation node).
 */
export function jitInputDefaultsHook(): preExecutionHookHandler<MercuriusContext> {
  const plans = new WeakMap<OperationDefinitionNode, [string, GraphQLInputType][]>();
  return async (schema, document, context, variables) => {
    if (!variables) return;
    const operation = getOperationAST(document, operationNameOf(context.reply.request));
    if (!operation) return;
    let plan = plans.get(operation);
    if (!plan) {
      plan = (operation.variableDefinitions ?? []).flatMap((def): [string, GraphQLInputType][] => {
        const type = typeFromAST(schema, def.type) as GraphQLInputType | undefined;
        return type && holdsDefaultedNonNull(type) ? [[def.variable.name.value, type]] : [];
      });
      plans.set(operation, plan);
    }
    let out = variables;
    for (const [name, type] of plan) {
      const v = withDefaults(out[name], type);
      if (v !== out[name]) {
        if (out === variables) out = { ...variables };
        out[name] = v;
      }
    }
    if (out !== variables) return { variables: out };
  };
}
