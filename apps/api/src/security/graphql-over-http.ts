import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';
const HTML_TYPE = 'text/html';
/** Parse and validation failures (our query limits included) and variable coercion failures. */
export const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * CSRF prevention as Apollo Server did it, with its header names (clients send them): a request
 * without a content type, or with one a plain HTML form or `fetch` may send without a preflight,
 * must carry one of these headers, non-empty.
 */
export const CSRF_PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];
const SIMPLE_CONTENT_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'];
const CSRF_MESSAGE =
  "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header " +
  `(with a type that is not one of ${SIMPLE_CONTENT_TYPES.join(', ')}) or provide a non-empty value for one of the following headers: ${CSRF_PREFLIGHT_HEADERS.join(', ')}`;

/** A refusal of a GraphQL request before it is parsed (its HTTP form): answered BAD_REQUEST, `statusCode` as given. */
export class GraphqlHttpError extends Error {
  constructor(
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
  }
}

/** A refusal that Fastify itself would have given (answered `{ code, message }` like the REST routes' refusals). */
export class FrameworkRefusal extends Error {
  constructor(readonly statusCode: number) {
    super(`HTTP ${statusCode}`);
  }
}

/** The media type of a GraphQL answer, chosen from Accept the way Apollo chose it (no Accept means JSON). */
export function responseMediaType(accept: string | undefined): string | undefined {
  if (!accept) return JSON_TYPE;
  return new Negotiator({ headers: { accept } }).mediaType([JSON_TYPE, GRAPHQL_RESPONSE_TYPE]);
}

/**
 * The GraphQL-over-HTTP spec's "watershed": a client that accepts only `application/json` (a
 * legacy client, or one behind proxies that hide 4xx bodies) SHOULD get 200 for every
 * well-formed request, request errors (parse, validation, variable coercion, our query limits)
 * included; `application/graphql-response+json` clients get 400. Malformed parameters (a missing
 * or non-string `query`: BAD_REQUEST) keep their 4xx.
 */
export function specStatus(status: number, codes: string[], accept: string | undefined): number {
  if (status !== 400 || !codes.length || !codes.every((c) => REQUEST_ERROR_CODES.has(c))) return status;
  return responseMediaType(accept) === JSON_TYPE ? 200 : status;
}

/** The operation name a GraphQL request gives (body for POST, query string for GET), if a string. */
export function operationNameOf(request: FastifyRequest): string | undefined {
  const params = (request.method === 'GET' ? request.query : request.body) as { operationName?: unknown } | undefined;
  return typeof params?.operationName === 'string' ? params.operationName : undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function preventCsrf(request: FastifyRequest): void {
  const contentType = request.headers['content-type'];
  if (contentType) {
    const essence = contentType.split(';')[0].trim().toLowerCase();
    // An unparsable type counts as a simple one (as in Apollo).
    if (/^[\w!#$&^.+-]+\/[\w!#$&^.+-]+$/.test(essence) && !SIMPLE_CONTENT_TYPES.includes(essence)) return;
  }
  if (CSRF_PREFLIGHT_HEADERS.some((h) => typeof request.headers[h] === 'string' && request.headers[h].length > 0)) return;
  throw new GraphqlHttpError(CSRF_MESSAGE);
}

/** Apollo's checks of a POST body's GraphQL parameters (their messages are translated by graphql-messages-vi.ts). */
function checkPostBody(body: unknown): void {
  if (Array.isArray(body)) throw new GraphqlHttpError('Operation batching disabled.');
  if (!isRecord(body) || !Object.keys(body).length) throw new GraphqlHttpError('POST body missing, invalid Content-Type, or JSON object has no keys.');
  // A falsy query (0, false, '') counts as missing, as in Apollo: answered "must contain a non-empty `query`" after.
  if (body.query && typeof body.query !== 'string') throw new GraphqlHttpError('GraphQL queries must be strings.');
  for (const name of ['variables', 'extensions']) {
    if (typeof body[name] === 'string')
      throw new GraphqlHttpError(`\`${name}\` in a POST body should be provided as an object, not a recursively JSON-encoded string.`);
  }
  for (const name of ['extensions', 'variables']) {
    if (name in body && body[name] !== null && !isRecord(body[name])) throw new GraphqlHttpError(`\`${name}\` in a POST body must be an object if provided.`);
  }
  if ('operationName' in body && body.operationName !== null && typeof body.operationName !== 'string') {
    throw new GraphqlHttpError('`operationName` in a POST body must be a string if provided.');
  }
}

/** Apollo's checks of a GET's search parameters: each once at most, `variables` and `extensions` JSON objects. */
function checkSearchParams(query: Record<string, unknown>): void {
  for (const name of ['query', 'operationName', 'variables', 'extensions']) {
    if (Array.isArray(query[name])) throw new GraphqlHttpError(`The '${name}' search parameter may only be specified once.`);
  }
  for (const name of ['variables', 'extensions']) {
    const text = query[name];
    if (typeof text !== 'string') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new GraphqlHttpError(`The ${name} search parameter contains invalid JSON.`);
    }
    if (!isRecord(value)) throw new GraphqlHttpError(`The ${name} search parameter should contain a JSON-encoded object.`);
  }
}

let graphiqlPage: string | undefined;
/** Mercurius's GraphiQL page; its scripts load from /graphiql/ (Mercurius's `graphiql` routes). */
function graphiqlHtml(): string {
  return (graphiqlPage ??= readFileSync(join(dirname(require.resolve('mercurius')), 'static', 'graphiql.html'), 'utf8'));
}

/**
 * The HTTP side of GraphQL requests, as Apollo Server answered it (docs/architecture.md#the-http-stack),
 * run as the GraphQL routes' preValidation hook, after Fastify read the body (its own refusals first):
 * GraphiQL for a browser's GET (outside production), CSRF prevention, the GraphQL parameters' form
 * (no batching), the Accept header (406 when neither JSON type is accepted). Then every answer past
 * these checks is the negotiated JSON type and `Cache-Control: no-store` (they carry personal data
 * and change with every write).
 */
export function graphqlHttpChecks(graphiql: boolean) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const accept = request.headers.accept;
    if (request.method === 'GET' && graphiql && accept) {
      if (new Negotiator({ headers: { accept } }).mediaType([JSON_TYPE, GRAPHQL_RESPONSE_TYPE, HTML_TYPE]) === HTML_TYPE) {
        return void reply.type(HTML_TYPE).send(graphiqlHtml());
      }
    }
    preventCsrf(request);
    // Mercurius parses application/graphql bodies; Apollo did not take them (Fastify answered 415).
    if (request.method === 'POST' && request.headers['content-type']?.split(';')[0].trim().toLowerCase() === 'application/graphql') {
      throw new FrameworkRefusal(415);
    }
    if (request.method === 'POST') checkPostBody(request.body);
    else checkSearchParams(request.query as Record<string, unknown>);
    const mediaType = responseMediaType(accept);
    if (!mediaType) {
      throw new GraphqlHttpError(`An 'accept' header was provided for this request which does not accept ${JSON_TYPE} or ${GRAPHQL_RESPONSE_TYPE}`, 406);
    }
    reply.header('content-type', `${mediaType}; charset=utf-8`);
    reply.header('cache-control', 'no-store');
  };
}
