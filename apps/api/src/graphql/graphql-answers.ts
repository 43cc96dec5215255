import type { FastifyReply, FastifyRequest } from 'fastify';
import { ExecutionResult, GraphQLError, GraphQLFormattedError, GraphQLSchema, getOperationAST, getVariableValues, parse } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { noteOutcome } from '../observability/graphql-metrics';
import { FrameworkRefusal, GraphqlHttpError, operationNameOf, responseMediaType, specStatus } from '../security/graphql-over-http';
import { mergeBadInput } from './bad-input-merge';
import { httpRefusal } from './exception.filter';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** Seconds a client is asked to wait before retrying while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/** graphql-js's variable coercion failures (graphql-jit words them the same). */
const COERCION =
  /^(?:Variable "\$[^"]+" (?:got invalid value|of required type "[^"]+" was not provided|of non-null type "[^"]+" must not be null|expected value of type)|Too many errors processing variables)/;
/** graphql-js's failures to pick the operation to run. */
const RESOLUTION = /^(?:Unknown operation named "|Must provide operation name if query contains multiple operations|Must provide an operation)/;

/** An error of an answer with the `extensions.code` Apollo gave it, and the status it asks for. */
interface Classified {
  error: GraphQLError;
  code: string;
  status: number;
}

/** graphql-armor words its validation refusals as syntax errors. */
const ARMOR_LIMIT = /^Syntax Error: (?:Query depth|Aliases|Directives|Cost) limit of \d+ exceeded/;

/** Errors of the request phase (parse, validation, variables) that Mercurius throws, by kind. */
function requestPhase(error: GraphQLError): Classified {
  if (error.message.startsWith('Syntax Error:') && !ARMOR_LIMIT.test(error.message)) return { error, code: 'GRAPHQL_PARSE_FAILED', status: 400 };
  if (COERCION.test(error.message)) return { error, code: 'BAD_USER_INPUT', status: 400 };
  if (RESOLUTION.test(error.message)) return { error, code: 'OPERATION_RESOLUTION_FAILURE', status: 400 };
  return { error, code: 'GRAPHQL_VALIDATION_FAILED', status: 400 };
}

/** An error of an execution result: resolver errors (their code given by the formatter), or a request error met late. */
function executionPhase(error: GraphQLError): Classified {
  const given = error.extensions?.code;
  if (typeof given === 'string') return { error, code: given, status: 400 };
  if (!error.path && RESOLUTION.test(error.message)) return { error, code: 'OPERATION_RESOLUTION_FAILURE', status: 400 };
  // On the request that compiles a query, graphql-jit coerces the variables itself.
  if (!error.path && COERCION.test(error.message)) return { error, code: 'BAD_USER_INPUT', status: 400 };
  return { error, code: 'INTERNAL_SERVER_ERROR', status: 500 };
}

/**
 * On the request that compiles a query, graphql-jit coerces the variables itself, in words of its
 * own (no `at "value.field"`, no suggestions). graphql-js's errors for the same variables, as
 * every other request of the same query text gets them; none when graphql-js finds nothing.
 */
function graphqlJsCoercionErrors(context: MercuriusContext): GraphQLError[] {
  const request = context.reply.request;
  const source = (context as MercuriusContext & { __currentQuery?: unknown }).__currentQuery;
  if (typeof source !== 'string') return [];
  try {
    const operation = getOperationAST(parse(source), operationNameOf(request));
    const params = (request.method === 'GET' ? request.query : request.body) as { variables?: unknown };
    const variables = typeof params.variables === 'string' ? JSON.parse(params.variables) : params.variables;
    const schema = (context.app as unknown as { graphql: { schema: GraphQLSchema } }).graphql.schema;
    const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], variables ?? {}, { maxErrors: 50 });
    return [...(coerced.errors ?? [])];
  } catch {
    return [];
  }
}

const asGraphqlError = (e: unknown): GraphQLError =>
  e instanceof GraphQLError ? e : new GraphQLError((e as Error)?.message ?? String(e), { originalError: e instanceof Error ? e : undefined });

/** What Mercurius threw (or returned as an error) before execution, as classified errors. */
function thrownErrors(error: unknown): Classified[] {
  const e = error as { code?: string; statusCode?: number; errors?: unknown[]; message?: string };
  switch (e?.code) {
    case 'MER_ERR_GQL_VALIDATION':
      return (e.errors ?? []).map((inner) => requestPhase(asGraphqlError(inner)));
    case 'MER_ERR_GQL_PERSISTED_QUERY_NOT_FOUND':
      // Mercurius answers a request without a query with this error too ("Unknown query").
      return e.message === 'Unknown query'
        ? [
            {
              error: new GraphQLError('GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.'),
              code: 'BAD_REQUEST',
              status: 400,
            },
          ]
        : [{ error: new GraphQLError('PersistedQueryNotFound'), code: 'PERSISTED_QUERY_NOT_FOUND', status: 200 }];
    case 'MER_ERR_GQL_PERSISTED_QUERY_NOT_SUPPORTED':
      return [{ error: new GraphQLError('PersistedQueryNotSupported'), code: 'PERSISTED_QUERY_NOT_SUPPORTED', status: 200 }];
    case 'MER_ERR_METHOD_NOT_ALLOWED':
      return [{ error: new GraphQLError('GET requests only support query operations'), code: 'BAD_REQUEST', status: 405 }];
  }
  if (error instanceof GraphqlHttpError) return [{ error: new GraphQLError(error.message), code: 'BAD_REQUEST', status: error.statusCode }];
  if (error instanceof GraphQLError) {
    // Our hooks' refusals (request-sanity.ts, the cost limit) carry their code.
    const code = error.extensions?.code;
    if (typeof code === 'string') return [{ error, code, status: 400 }];
  }
  // Anything else (the persisted query's hash mismatch included) is unexpected: the formatter logs it.
  const status = typeof e?.statusCode === 'number' && e.statusCode >= 400 ? e.statusCode : 500;
  return [{ error: asGraphqlError(error), code: 'INTERNAL_SERVER_ERROR', status }];
}

/**
 * Builds the GraphQL answers of errors the way Apollo Server did (docs/architecture.md#errors):
 * each error gets the `extensions.code` Apollo gave it and goes through the API's formatError;
 * then the first BAD_USER_INPUT names every bad field; the status is Apollo's (400 for request
 * errors, 200 once execution ran), with the spec's watershed for application/json clients,
 * and 503 with Retry-After when every error is SERVICE_UNAVAILABLE.
 */
export function graphqlAnswers(formatError: FormatError) {
  const answer = (classified: Classified[], data: ExecutionResult['data'], request: FastifyRequest, reply: FastifyReply) => {
    const formatted = mergeBadInput(
      classified.map(({ error, code }) => {
        const { http: _http, ...extensions } = (error.extensions ?? {}) as Record<string, unknown>;
        return formatError({ ...error.toJSON(), extensions: { ...extensions, code } }, error);
      }),
    );
    const codes = formatted.map((e) => e.extensions?.code as string);
    noteOutcome(request, codes[0]);
    let statusCode: number;
    if (codes.length && codes.every((c) => c === 'SERVICE_UNAVAILABLE')) {
      // Retryable, like the REST routes' 503 (docs/architecture.md#faults-and-backups).
      statusCode = 503;
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    } else if (data !== undefined) statusCode = 200;
    else {
      const first = classified[0]?.status ?? 500;
      statusCode = specStatus(first, codes, request.headers.accept);
      if (first === 405) reply.header('allow', 'POST');
    }
    return { statusCode, response: data === undefined ? { errors: formatted } : { data, errors: formatted } };
  };

  return {
    /** Mercurius's errorFormatter: errors of an execution result (and what Mercurius's own handler would format). */
    errorFormatter: (execution: ExecutionResult & Required<Pick<ExecutionResult, 'errors'>>, context: MercuriusContext) => {
      let classified = execution.errors.map(executionPhase);
      if (execution.data === undefined && classified.every((c) => c.code === 'BAD_USER_INPUT' && !c.error.path)) {
        const graphqlJs = graphqlJsCoercionErrors(context);
        if (graphqlJs.length) classified = graphqlJs.map(requestPhase);
      }
      return answer(classified, execution.data, context.reply.request, context.reply);
    },
    /**
     * Mercurius's errorHandler for the GraphQL routes: what was thrown before execution (parse,
     * validation, variables, our hooks' and HTTP checks' refusals) as a GraphQL answer; Fastify's own
     * refusals (body too large, malformed JSON, unsupported media type) as `{ code, message }`, the
     * same as on every other route.
     */
    errorHandler: async (error: unknown, request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      const status = (error as { statusCode?: unknown })?.statusCode;
      const code = (error as { code?: unknown })?.code;
      const graphql = error instanceof GraphQLError || error instanceof GraphqlHttpError || (typeof code === 'string' && code.startsWith('MER_'));
      if ((!graphql || error instanceof FrameworkRefusal) && typeof status === 'number' && status >= 400 && status < 500) {
        return void reply.code(status).type('application/json; charset=utf-8').send(httpRefusal(status, null));
      }
      const { statusCode, response } = answer(thrownErrors(error), undefined, request, reply);
      // Fastify drops the content type set before an error; Apollo negotiated it for error answers too.
      return void reply
        .code(statusCode)
        .header('content-type', `${responseMediaType(request.headers.accept) ?? 'application/json'}; charset=utf-8`)
        .send(response);
    },
  };
}
