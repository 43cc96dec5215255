import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import { GraphQLError, Kind, getOperationAST, parse } from 'graphql';
import mercurius, { MercuriusContext, preParsingHookHandler } from 'mercurius';
import type { AppConfig } from '@app/config';
import { ApiMetrics } from '../observability/api-metrics';
import { graphqlMetricsHooks } from '../observability/graphql-metrics';
import { graphqlHardening, hardenedFormatError } from '../security/graphql-hardening';
import { GRAPHQL_LIMITS } from '../security/graphql-limits';
import { graphqlHttpChecks, operationNameOf } from '../security/graphql-over-http';
import { formatGraphqlError } from './error-formatter';
import { ANSWER_SCHEMA } from './answer-schema';
import { graphqlAnswers } from './graphql-answers';
import { jitInputDefaultsHook } from './jit-input-defaults';

/**
 * Mercurius checks that a GET runs a query with `getOperationAST(…).operation`, which throws on a
 * GET whose operation cannot be picked: refused first, as graphql-js words it (OPERATION_RESOLUTION_FAILURE).
 */
const operationOfGet: preParsingHookHandler<MercuriusContext> = async (_schema, source, context) => {
  const request = context.reply.request;
  if (request.method !== 'GET') return;
  let document;
  try {
    document = parse(source, { maxTokens: GRAPHQL_LIMITS.maxTokens });
  } catch {
    return; // Mercurius answers the syntax error.
  }
  const name = operationNameOf(request);
  if (getOperationAST(document, name)) return;
  const message = name
    ? `Unknown operation named "${name}".`
    : document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION)
      ? 'Must provide operation name if query contains multiple operations.'
      : 'Must provide an operation.';
  throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } });
};

/**
 * The API's GraphQL server: Mercurius with graphql-jit (docs/architecture.md#the-http-stack), answering
 * as Apollo Server did: its codes, statuses, CSRF rule, headers and parameter checks.
 */
export function graphqlServerOptions(config: Pick<AppConfig, 'nodeEnv'>, metrics: ApiMetrics): Omit<MercuriusDriverConfig, 'driver'> {
  const outsideProduction = config.nodeEnv !== 'production';
  const { preExecution, ...hardening } = graphqlHardening(outsideProduction);
  const answers = graphqlAnswers(hardenedFormatError(config, formatGraphqlError));
  const measured = graphqlMetricsHooks(metrics);
  return {
    ...hardening,
    // A query text is compiled by graphql-jit on its second request; the first runs on graphql-js.
    jit: 1,
    graphiql: outsideProduction,
    // Automatic persisted queries (hash → query text, in memory), as Apollo Server offered them.
    persistedQueryProvider: mercurius.persistedQueryDefaults.automatic(),
    errorFormatter: answers.errorFormatter,
    errorHandler: answers.errorHandler,
    additionalRouteOptions: {
      schema: { response: { '2xx': ANSWER_SCHEMA } },
      preValidation: graphqlHttpChecks(outsideProduction),
      preHandler: measured.preHandler,
      onResponse: measured.onResponse,
    },
    hooks: { preParsing: [operationOfGet], preExecution: [measured.preExecution, ...preExecution, jitInputDefaultsHook()] },
  };
}
