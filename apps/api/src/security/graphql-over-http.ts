import Negotiator from 'negotiator';
import type { ApolloPlugin } from './apollo-types';

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';
/** Parse and validation failures (our query limits included) and variable coercion failures. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE']);

/** The media type Apollo answers with, chosen the way Apollo chooses it (no Accept means JSON). */
export function responseMediaType(request: { headers: { get(name: string): string | undefined } }): string | undefined {
  const accept = request.headers.get('accept');
  if (!accept) return JSON_TYPE;
  return new Negotiator({ headers: { accept } }).mediaType([JSON_TYPE, GRAPHQL_RESPONSE_TYPE]);
}

/**
 * The GraphQL-over-HTTP spec's "watershed": a client that accepts only `application/json` (a
 * legacy client, or one behind proxies that hide 4xx bodies) SHOULD get 200 for every
 * well-formed request, request errors (parse, validation, variable coercion, our query limits)
 * included; `application/graphql-response+json` clients get 400. Apollo 5 answers 400 to both.
 * Bad JSON, batches and oversized bodies are refused before the pipeline, and malformed
 * parameters (a missing or non-string `query`) answer BAD_REQUEST: they keep their 4xx.
 */
export function specStatusPlugin(): ApolloPlugin {
  return {
    async requestDidStart({ request }) {
      return {
        async willSendResponse({ response }) {
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data !== undefined || !errors?.length) return;
          // Only GraphQL request errors; malformed parameters (BAD_REQUEST: a missing or non-string `query`…) keep 400.
          if (!errors.every((e) => REQUEST_ERROR_CODES.has(e.extensions?.code as string))) return;
          if (request.http && responseMediaType(request.http) === JSON_TYPE) response.http.status = 200;
        },
      };
    },
  };
}
