import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { GqlContextType } from '@nestjs/graphql';
import { AppError, ErrorCode } from '@app/core';

const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.TRANSITION_NOT_ALLOWED]: 409,
  [ErrorCode.INELIGIBLE]: 422,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
};

/**
 * GraphQL errors go to Apollo's formatError untouched (it maps codes and logs only the
 * unexpected); plain HTTP routes (health, downloads) answer AppErrors with their status.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    const res = host.switchToHttp().getResponse<{ status(code: number): { json(body: unknown): unknown } }>();
    if (exception instanceof AppError) {
      // A bad input also names its fields (and their messages), as GraphQL's extensions do.
      const { fields, messages } = exception.details as { fields?: unknown; messages?: unknown };
      return res.status(HTTP_STATUS[exception.code]).json({ code: exception.code, message: exception.message, ...(fields ? { fields, messages } : {}) });
    }
    if (exception instanceof HttpException) return res.status(exception.getStatus()).json(exception.getResponse());
    const pgCode = (exception as { driverError?: { code?: string } })?.driverError?.code;
    if (pgCode === '22P02') return res.status(404).json({ code: 'NOT_FOUND', message: 'No such id' });
    this.logger.error(exception);
    return res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
  }
}
