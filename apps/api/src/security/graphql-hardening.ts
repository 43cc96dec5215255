import { ASTVisitor, GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { MercuriusContext, preExecutionHookHandler } from 'mercurius';
import { graphqlLimits } from './graphql-limits';
import { requestSanityHook } from './request-sanity';

export { hardenedFormatError } from './error-hardening';

/** Introspection off (production): `__schema` and `__type` refused as a validation error, with Apollo's message. */
export const NoIntrospection: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      context.reportError(
        new GraphQLError(
          'GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type. To enable introspection, pass introspection: true to ApolloServer in production',
          { nodes: [node] },
        ),
      );
    }
  },
});

/**
 * Mercurius options of the API's GraphQL endpoint that bound requests: query limits (depth,
 * aliases, directives as validation rules; tokens at parse; cost before execution), no batching,
 * no NUL characters or subscriptions, no introspection when `introspection` is false. The
 * GraphQL-over-HTTP rules and the error answers are in graphql-over-http.ts and graphql-answers.ts.
 */
export function graphqlHardening(introspection: boolean): {
  validationRules: ValidationRule[];
  graphql: { parseOptions: { maxTokens: number } };
  allowBatchedQueries: false;
  preExecution: preExecutionHookHandler<MercuriusContext>[];
} {
  const limits = graphqlLimits();
  return {
    validationRules: [...limits.validationRules, ...(introspection ? [] : [NoIntrospection])],
    graphql: { parseOptions: limits.parseOptions },
    allowBatchedQueries: false,
    // Cost first, as Apollo ran the plugins.
    preExecution: [...limits.preExecution, requestSanityHook()],
  };
}
