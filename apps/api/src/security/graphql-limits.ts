import { ApolloArmor } from '@escape.tech/graphql-armor';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import {
  ArgumentNode,
  DocumentNode,
  FieldNode,
  GraphQLError,
  GraphQLSchema,
  Kind,
  TypeInfo,
  ValidationRule,
  validate,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { MercuriusContext, preExecutionHookHandler } from 'mercurius';

/**
 * Limits on what one GraphQL request may ask for. Sized so that the dashboard's heaviest
 * legitimate queries (a 200-case page with enterprise, assignee, applications and history;
 * a case's detail; pipeline, escalations and reports with figures) pass with room to spare,
 * see test/security/graphql-limits.e2e-spec.ts.
 */
export const GRAPHQL_LIMITS = {
  /** Field nesting, leaf included (`{ me { id } }` is 2). The dashboard's deepest query is 7. */
  maxDepth: 10,
  /** Aliased fields per operation (`__typename` is free). */
  maxAliases: 15,
  /** Directives per operation. */
  maxDirectives: 10,
  /** Lexical tokens per document, enforced by graphql-js's parser itself (answers GRAPHQL_PARSE_FAILED). */
  maxTokens: 2000,
  /**
   * graphql-armor's cost: objects 2, scalars 1, ×1.5 per level, ×`first` for paginated lists.
   * A 200-case page of the case list with everything the case detail shows costs about 67 000;
   * two such pages, or seven default (50) pages, do not pass.
   */
  maxCost: 100_000,
} as const;

const REJECTION = 'GRAPHQL_VALIDATION_FAILED';
const MAX_INT = 2 ** 31 - 1;

/**
 * graphql-armor's depth, alias and directive rules (as validation rules; rejections answer
 * GRAPHQL_VALIDATION_FAILED). Armor's own max-tokens plugin is replaced by graphql-js's
 * `parseOptions.maxTokens` (answers GRAPHQL_PARSE_FAILED), and its field-suggestion masking by
 * `hardenedFormatError` (armor's misses the enum form "Did you mean the enum value …"). Its cost
 * rule runs in `costLimitHook` instead, where the request's variables are known.
 */
export function graphqlLimits(): {
  validationRules: ValidationRule[];
  preExecution: preExecutionHookHandler<MercuriusContext>[];
  parseOptions: { maxTokens: number };
} {
  const armor = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  // With max-tokens, cost and suggestions off, armor has no plugin left: only its validation rules.
  return {
    validationRules: armor.validationRules,
    preExecution: [costLimitHook()],
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
  };
}

/**
 * Rewrites every paginated field's `first` to the literal page size it will really get (its
 * variable's value, or the argument's default when omitted), so that armor's cost rule, which
 * multiplies only by literal `first` values, cannot be bypassed with `first: $n`.
 */
export function withLiteralPageSizes(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  const variableDefaults = new Map<string, unknown>();
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const v of def.variableDefinitions ?? []) {
      if (v.defaultValue?.kind === Kind.INT) variableDefaults.set(v.variable.name.value, Number(v.defaultValue.value));
    }
  }
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node: FieldNode) {
          const arg = typeInfo.getFieldDef()?.args.find((a) => a.name === 'first');
          if (!arg) return undefined;
          const given = node.arguments?.find((a) => a.name.value === 'first');
          let n: unknown;
          if (!given) n = arg.defaultValue;
          else if (given.value.kind === Kind.VARIABLE) {
            const name = given.value.name.value;
            n = variables && name in variables ? variables[name] : variableDefaults.get(name);
          } else return undefined;
          // Anything else fails coercion later; a positive whole number is what the list will hold at most.
          // Beyond a 32-bit Int, coercion refuses it as bad input (BAD_USER_INPUT naming `first`), not as a costly query.
          if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1 || n > MAX_INT) return undefined;
          const literal: ArgumentNode = { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'first' }, value: { kind: Kind.INT, value: String(n) } };
          return { ...node, arguments: [...(node.arguments ?? []).filter((a) => a !== given), literal] };
        },
      },
    }),
  );
}

/**
 * Names of the variables a document passes as a `first` argument: with the document, their values are
 * all that its cost depends on.
 */
function pageSizeVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node: ArgumentNode) {
      if (node.name.value === 'first' && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names];
}

/** Distinct page-size values remembered per document; past it the document's verdicts are forgotten. */
const MAX_VERDICTS_PER_DOCUMENT = 64;
/** Page sizes are numbers: a longer key is not a page size worth remembering (and not memory to hold). */
const MAX_KEY_LENGTH = 200;

/**
 * graphql-armor's cost rule, run once the operation and its variables are known. The verdict is
 * remembered per document (Mercurius hands the same DocumentNode for the same query text from its
 * document cache) and values of its page-size variables, so a repeated request skips the two walks.
 */
export function costLimitHook(maxCost: number = GRAPHQL_LIMITS.maxCost): preExecutionHookHandler<MercuriusContext> {
  const verdicts = new WeakMap<DocumentNode, { variables: string[]; byPageSizes: Map<string, string | null> }>();
  const check = (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined): string | null => {
    const literal = withLiteralPageSizes(schema, document, variables);
    const errors = validate(schema, literal, [
      costLimitRule({ maxCost, ignoreIntrospection: true, exposeLimits: true, propagateOnRejection: false, onReject: [(ctx, e) => ctx?.reportError(e)] }),
    ]);
    return errors.length ? errors[0].message.replace(/^Syntax Error: /, '') : null;
  };
  return async (schema, document, _context, given) => {
    let known = verdicts.get(document);
    if (!known) verdicts.set(document, (known = { variables: pageSizeVariables(document), byPageSizes: new Map() }));
    // [value] when given (null included), [] when absent: an absent variable takes its default.
    const key = JSON.stringify(known.variables.map((v) => (given && v in given ? [given[v]] : [])));
    let refusal = known.byPageSizes.get(key);
    if (refusal === undefined) {
      refusal = check(schema, document, given);
      if (key.length <= MAX_KEY_LENGTH) {
        if (known.byPageSizes.size >= MAX_VERDICTS_PER_DOCUMENT) known.byPageSizes.clear();
        known.byPageSizes.set(key, refusal);
      }
    }
    if (refusal !== null) throw new GraphQLError(refusal, { extensions: { code: REJECTION } });
  };
}
