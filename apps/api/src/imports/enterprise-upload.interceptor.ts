import { CallHandler, ExecutionContext, HttpException, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import multer, { MulterError } from 'multer';
import { Observable } from 'rxjs';
import { DEFAULT_IMPORT_LIMITS } from '@app/core';

/** The largest upload, as the import machinery reads it (20 MB). */
export const MAX_UPLOAD_BYTES = DEFAULT_IMPORT_LIMITS.maxFileBytes;
export const UPLOAD_FIELD = 'file';
export const TOO_LARGE_MESSAGE = `Tệp vượt quá ${Math.ceil(MAX_UPLOAD_BYTES / (1024 * 1024))} MB`;

/** The JSON of a refused upload: the contract's body for 400 and 413. */
export interface UploadRefusal {
  code: 'BAD_USER_INPUT' | 'PAYLOAD_TOO_LARGE';
  message: string;
  errors?: { code: string; message: string }[];
  /** A bad upload is about the file field (`file`), named as a bad input's fields are. */
  fields?: string[];
  messages?: Record<string, string>;
}

export function badUpload(message: string, errors: { code: string; message: string }[] = []): HttpException {
  return new HttpException(
    { code: 'BAD_USER_INPUT', message, errors, fields: [UPLOAD_FIELD], messages: { [UPLOAD_FIELD]: message } } satisfies UploadRefusal,
    HttpStatus.BAD_REQUEST,
  );
}

function refusalOf(err: unknown): HttpException {
  if (err instanceof MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE') {
      return new HttpException({ code: 'PAYLOAD_TOO_LARGE', message: TOO_LARGE_MESSAGE } satisfies UploadRefusal, HttpStatus.PAYLOAD_TOO_LARGE);
    }
    if (err.code === 'LIMIT_UNEXPECTED_FILE' || err.code === 'LIMIT_FILE_COUNT') {
      return oneRefusal(err.code, `Chỉ gửi một tệp, trong trường “${UPLOAD_FIELD}”`);
    }
    return oneRefusal(err.code, 'Dữ liệu gửi lên có quá nhiều trường hoặc trường quá dài');
  }
  // busboy's own refusals: a malformed multipart body, a request cut short (their English words stay out of the answer).
  return oneRefusal('MALFORMED_MULTIPART', 'Không đọc được dữ liệu gửi lên: hãy gửi tệp dạng multipart/form-data');
}

function oneRefusal(code: string, message: string): HttpException {
  return badUpload(message, [{ code, message }]);
}

/**
 * Receives one file (field `file`) into memory, refusing it while it arrives once it passes 20 MB (413: multer
 * stops keeping the bytes and drains the rest, so the client reads the answer instead of a reset connection).
 * Runs after the global AccessGuard: a caller without a valid token is refused before the body is read.
 * File names are read as UTF-8 (Vietnamese names), not busboy's default latin1. multer reads the raw request,
 * which Fastify leaves unread for multipart bodies (http/fastify-setup.ts); the file and the other fields are then
 * put on Fastify's request, where `@UploadedFile()` and `@Body()` find them.
 */
@Injectable()
export class EnterpriseUploadInterceptor implements NestInterceptor {
  private readonly receive = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 1024, fieldNameSize: 100, parts: 8, headerPairs: 100 },
    // multer 2 reads it (its types do not list it yet).
    ...({ defParamCharset: 'utf8' } as object),
  }).single(UPLOAD_FIELD);

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = ctx.switchToHttp();
    const req = http.getRequest<FastifyRequest & { file?: unknown; body: unknown }>();
    const raw = req.raw as IncomingMessage & { file?: unknown; body?: unknown };
    const res = http.getResponse<FastifyReply>().raw;
    await new Promise<void>((resolve, reject) => this.receive(raw as never, res as never, (err?: unknown) => (err ? reject(refusalOf(err)) : resolve())));
    req.file = raw.file;
    req.body = raw.body;
    return next.handle();
  }
}
