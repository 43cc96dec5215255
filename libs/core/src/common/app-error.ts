import { Entity, notFoundText } from './messages-vi';

/** Error codes of the API contract; the API maps them one to one onto `extensions.code`. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  TRANSITION_NOT_ALLOWED = 'TRANSITION_NOT_ALLOWED',
  INELIGIBLE = 'INELIGIBLE',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** The database is away for now (stopped, restarting, connections cut): retry later. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

/** A refusal the caller can act on. Carries no GraphQL: the API decides how to show it. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** One or more bad fields, each with its Vietnamese message naming the rule (as FieldProblems words them). */
export const badInput = (fields: Record<string, string>): AppError =>
  new AppError(ErrorCode.BAD_USER_INPUT, `Dữ liệu không hợp lệ: ${Object.values(fields).join('; ')}`, {
    fields: Object.keys(fields),
    messages: fields,
  });
/** "Không tìm thấy <the record>", the record named from ENTITY_VI. */
export const notFound = (what: Entity): AppError => new AppError(ErrorCode.NOT_FOUND, notFoundText(what));
export const forbidden = (why = 'Bạn không có quyền thực hiện thao tác này'): AppError => new AppError(ErrorCode.FORBIDDEN, why);
export const conflict = (why: string, details: Record<string, unknown> = {}): AppError => new AppError(ErrorCode.CONFLICT, why, details);
