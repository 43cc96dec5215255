import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError, Kind, parse, visit } from 'graphql';
import {
  AppError,
  DATABASE_BUSY_MESSAGE,
  DATABASE_UNAVAILABLE_MESSAGE,
  ErrorCode,
  INTERNAL_ERROR_MESSAGE,
  NO_SUCH_ID_MESSAGE,
  isDatabaseBusy,
  isDatabaseUnavailable,
} from '@app/core';
import { vietnameseGraphqlMessage, vietnameseSuggestion } from './graphql-messages-vi';

/** Every AppError code and the `extensions.code` clients see: one table, checked to be exhaustive. */
export const EXTENSION_CODE = {
  [ErrorCode.UNAUTHENTICATED]: 'UNAUTHENTICATED',
  [ErrorCode.FORBIDDEN]: 'FORBIDDEN',
  [ErrorCode.BAD_USER_INPUT]: 'BAD_USER_INPUT',
  [ErrorCode.NOT_FOUND]: 'NOT_FOUND',
  [ErrorCode.CONFLICT]: 'CONFLICT',
  [ErrorCode.TRANSITION_NOT_ALLOWED]: 'TRANSITION_NOT_ALLOWED',
  [ErrorCode.INELIGIBLE]: 'INELIGIBLE',
  [ErrorCode.TOO_MANY_REQUESTS]: 'TOO_MANY_REQUESTS',
  [ErrorCode.SERVICE_UNAVAILABLE]: 'SERVICE_UNAVAILABLE',
} as const satisfies Record<ErrorCode, string>;

/** Request-level codes (given by graphql-answers.ts, as Apollo named them) that already say what the client did wrong. */
const PASS_THROUGH = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
// Literal values of the wrong type fail validation; for clients they are bad input.
const VALUE_PROBLEM =
  /(Expected value of type|cannot represent|Enum ".*" cannot|Int cannot|Float cannot|Boolean cannot|String cannot|ID cannot|Date must|is required, but it was not provided|was not provided|is not defined by type)/;

const logger = new Logger('GraphQL');

/** The error a resolver threw, out of the GraphQLError that graphql-js (or graphql-jit) wrapped it in, path and all. */
export function unwrapResolverError(error: unknown): unknown {
  return error instanceof GraphQLError && error.path && error.originalError ? error.originalError : error;
}

function fieldsFromMessage(message: string): string[] {
  const fields = new Set<string>();
  for (const m of message.matchAll(/at "([^"]+)"/g))
    fields.add(
      m[1]
        .split('.')
        .pop()!
        .replace(/\[\d+\]$/, ''),
    );
  for (const m of message.matchAll(/[Ff]ield "(?:[A-Za-z]+\.)?([A-Za-z0-9_]+)"/g)) fields.add(m[1]);
  for (const m of message.matchAll(/[Vv]ariable "\$([A-Za-z0-9_]+)"/g)) if (!fields.size) fields.add(m[1]);
  return [...fields];
}

/** Names of the input fields or arguments whose literal values sit at the error's positions in the query text. */
function fieldsAtPositions(error: unknown): string[] {
  const e = error as GraphQLError;
  if (!(e instanceof GraphQLError) || !e.source || !e.positions?.length) return [];
  const names: string[] = [];
  try {
    visit(parse(e.source), {
      enter(node) {
        if ((node.kind === Kind.OBJECT_FIELD || node.kind === Kind.ARGUMENT) && node.value.loc && e.positions!.includes(node.value.loc.start)) {
          names.push(node.name.value);
        }
      },
    });
  } catch {
    return [];
  }
  return names;
}

/** A bad value GraphQL itself refused (coercion, validation): BAD_USER_INPUT with the field named and a Vietnamese message per field. */
function badValue(formatted: GraphQLFormattedError, error: unknown, withPath: boolean): GraphQLFormattedError {
  const given = formatted.extensions as { fields?: string[]; messages?: Record<string, string> } | undefined;
  if (given?.messages) {
    // Already written for users (the NUL refusal of request-sanity.ts).
    return {
      message: formatted.message,
      locations: formatted.locations,
      extensions: { code: 'BAD_USER_INPUT', fields: given.fields ?? [], messages: given.messages },
    };
  }
  const named = [...new Set([...fieldsAtPositions(error), ...fieldsFromMessage(formatted.message)])];
  const vi = vietnameseGraphqlMessage(formatted.message, named[0]);
  const fields = vi.field ? [vi.field] : named;
  return {
    message: vi.message + vietnameseSuggestion(formatted.message),
    locations: formatted.locations,
    ...(withPath && formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'BAD_USER_INPUT', fields, messages: Object.fromEntries(fields.map((f) => [f, vi.message])) },
  };
}

export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) {
    // Every BAD_USER_INPUT carries `fields` and `messages`, if only empty.
    const details = original.code === ErrorCode.BAD_USER_INPUT ? { fields: [], messages: {}, ...original.details } : original.details;
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { ...details, code: EXTENSION_CODE[original.code] },
    };
  }
  const pgCode = (original as { code?: string; driverError?: { code?: string } })?.driverError?.code ?? (original as { code?: string })?.code;
  if (pgCode === '22P02') {
    // A malformed id (not a UUID) names nothing that exists.
    return { message: NO_SUCH_ID_MESSAGE, path: formatted.path, extensions: { code: 'NOT_FOUND' } };
  }
  const code = formatted.extensions?.code as string | undefined;
  if (code === 'GRAPHQL_VALIDATION_FAILED' && VALUE_PROBLEM.test(formatted.message)) return badValue(formatted, error, false);
  if (code === 'BAD_USER_INPUT') return badValue(formatted, error, true);
  if (code && PASS_THROUGH.has(code)) {
    const message = vietnameseGraphqlMessage(formatted.message).message + vietnameseSuggestion(formatted.message);
    return { message, locations: formatted.locations, extensions: { code } };
  }
  if (original instanceof GraphQLError && !code) {
    return {
      message: vietnameseGraphqlMessage(formatted.message).message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'BAD_REQUEST' },
    };
  }
  if (isDatabaseUnavailable(original)) {
    // Postgres away: retryable, answered 503 by serviceUnavailablePlugin (docs/architecture.md#faults-and-backups).
    logger.warn({ err: original, path: formatted.path }, 'Database unavailable');
    return { message: DATABASE_UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } };
  }
  if (isDatabaseBusy(original)) {
    // DB_LOCK_TIMEOUT_MS or DB_STATEMENT_TIMEOUT_MS cut the statement; its transaction rolled back.
    logger.warn({ err: original, path: formatted.path }, 'Statement cut by a timeout');
    return { message: DATABASE_BUSY_MESSAGE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } };
  }
  logger.error({ err: original, path: formatted.path }, 'Unexpected error');
  return { message: INTERNAL_ERROR_MESSAGE, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
