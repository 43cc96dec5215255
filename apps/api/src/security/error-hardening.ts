import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { AppConfig } from '@app/config';
import { unwrapResolverError } from '../graphql/error-formatter';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Postgres "data exception" codes (class 22) that a client's value causes when it reaches the
 * database unchecked: too long for its column, out of range, a NUL byte, an impossible date.
 * They are the client's input problem, not ours: BAD_USER_INPUT instead of INTERNAL_SERVER_ERROR.
 * (22P02, a malformed uuid, is already NOT_FOUND in formatGraphqlError.)
 */
const PG_INPUT_PROBLEMS: Record<string, string> = {
  '22001': 'Có giá trị dài quá mức cho phép',
  '22003': 'Có số vượt quá giới hạn cho phép',
  '22007': 'Có ngày hoặc giờ viết sai dạng',
  '22008': 'Có ngày hoặc giờ nằm ngoài khoảng cho phép',
  '22021': 'Có văn bản chứa ký tự không lưu được (NUL)',
  '22P05': 'Có văn bản chứa ký tự không lưu được',
};

// graphql-js's hint, and its Vietnamese form (graphql-messages-vi.ts).
const SUGGESTION = /\s*(?:; )?(Did you mean|có phải ý bạn là) [^?]*\?/g;
const logger = new Logger('GraphQL');

function pgCodeOf(original: unknown): string | undefined {
  const e = original as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Wraps the API's formatError: input problems that surface late (Postgres data exceptions,
 * graphql-js giving up on too many bad variable values) answer BAD_USER_INPUT; in production,
 * graphql-js's "Did you mean …?" hints are stripped (they leak the schema when introspection is off).
 */
export function hardenedFormatError(config: Pick<AppConfig, 'nodeEnv'>, format: FormatError): FormatError {
  return (formatted, error) => {
    const original = unwrapResolverError(error);
    const pg = pgCodeOf(original);
    let out: GraphQLFormattedError;
    if (pg && pg in PG_INPUT_PROBLEMS) {
      logger.warn(`Input refused by Postgres (${pg}) at ${JSON.stringify(formatted.path ?? [])}; validate it in the service`);
      out = { message: PG_INPUT_PROBLEMS[pg], path: formatted.path, extensions: { code: 'BAD_USER_INPUT', fields: [], messages: {} } };
    } else if (original instanceof GraphQLError && /^Too many errors processing variables/.test(original.message)) {
      out = { message: 'Có quá nhiều giá trị không hợp lệ trong các biến của yêu cầu', extensions: { code: 'BAD_USER_INPUT', fields: [], messages: {} } };
    } else {
      out = format(formatted, error);
    }
    if (config.nodeEnv !== 'production') return out;
    const message = out.message.replace(SUGGESTION, '');
    return message === out.message ? out : { ...out, message };
  };
}
