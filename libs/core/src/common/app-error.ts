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

export const badInput = (fields: Record<string, string>): AppError =>
  new AppError(
    ErrorCode.BAD_USER_INPUT,
    `Invalid input: ${Object.entries(fields)
      .map(([f, m]) => `${f} ${m}`)
      .join('; ')}`,
    {
      fields: Object.keys(fields),
      messages: fields,
    },
  );
export const notFound = (what: string): AppError => new AppError(ErrorCode.NOT_FOUND, `${what} not found`);
export const forbidden = (why = 'Not allowed'): AppError => new AppError(ErrorCode.FORBIDDEN, why);
export const conflict = (why: string, details: Record<string, unknown> = {}): AppError => new AppError(ErrorCode.CONFLICT, why, details);
