import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';
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

const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.TRANSITION_NOT_ALLOWED]: 409,
  [ErrorCode.INELIGIBLE]: 422,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/**
 * GraphQL errors go to the GraphQL error formatting untouched (graphql-answers.ts: it maps codes and logs only the
 * unexpected); plain HTTP routes (health, downloads) answer AppErrors with their status.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    const reply = host.switchToHttp().getResponse<unknown>();
    const send = (status: number, body: unknown) => this.adapterHost.httpAdapter.reply(reply, body, status);
    if (exception instanceof AppError) {
      // A bad input also names its fields (and their messages), as GraphQL's extensions do.
      const { fields, messages } = exception.details as { fields?: unknown; messages?: unknown };
      const named = fields || exception.code === ErrorCode.BAD_USER_INPUT ? { fields: fields ?? [], messages: messages ?? {} } : {};
      return send(HTTP_STATUS[exception.code], { code: exception.code, message: exception.message, ...named });
    }
    if (exception instanceof HttpException) return send(exception.getStatus(), httpRefusal(exception.getStatus(), exception.getResponse()));
    // Fastify's own refusals before any route runs: a body over the limit, malformed JSON, an unknown media type.
    const frameworkStatus = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof frameworkStatus === 'number' && frameworkStatus >= 400 && frameworkStatus < 500) {
      return send(frameworkStatus, httpRefusal(frameworkStatus, null));
    }
    const pgCode = (exception as { driverError?: { code?: string } })?.driverError?.code;
    if (pgCode === '22P02') return send(404, { code: 'NOT_FOUND', message: NO_SUCH_ID_MESSAGE });
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`Database unavailable: ${(exception as Error)?.message}`);
      return send(503, { code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE, retryable: true });
    }
    if (isDatabaseBusy(exception)) {
      this.logger.warn(`Statement cut by a timeout: ${(exception as Error)?.message}`);
      return send(503, { code: 'SERVICE_UNAVAILABLE', message: DATABASE_BUSY_MESSAGE, retryable: true });
    }
    this.logger.error(exception);
    return send(500, { code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_ERROR_MESSAGE });
  }
}

/** Nest's and the interceptors' HTTP refusals: ours ({ code, message } in Vietnamese) as they are, Nest's own (English) in Vietnamese. */
export function httpRefusal(status: number, body: unknown): unknown {
  if (typeof body === 'object' && body !== null && 'code' in body && 'message' in body) return body;
  const said: Record<number, [string, string]> = {
    400: ['BAD_REQUEST', 'Yêu cầu không hợp lệ'],
    401: ['UNAUTHENTICATED', 'Bạn cần đăng nhập để thực hiện thao tác này'],
    403: ['FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này'],
    404: ['NOT_FOUND', 'Không tìm thấy địa chỉ này'],
    405: ['METHOD_NOT_ALLOWED', 'Địa chỉ này không nhận phương thức này'],
    413: ['PAYLOAD_TOO_LARGE', 'Dữ liệu gửi lên quá lớn'],
    415: ['UNSUPPORTED_MEDIA_TYPE', 'Kiểu dữ liệu gửi lên không được hỗ trợ'],
    429: ['TOO_MANY_REQUESTS', 'Quá nhiều yêu cầu; hãy thử lại sau ít phút'],
  };
  const [code, message] = said[status] ?? (status >= 500 ? ['INTERNAL_SERVER_ERROR', INTERNAL_ERROR_MESSAGE] : ['BAD_REQUEST', 'Yêu cầu không hợp lệ']);
  return { code, message };
}
