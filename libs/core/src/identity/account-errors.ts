import { AppError, ErrorCode } from '../common/app-error';

/** `extensions.reason` of the refusal a caller gets while it must still change a temporary password. */
export const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED';

export const passwordChangeRequired = (): AppError =>
  new AppError(ErrorCode.FORBIDDEN, 'Bạn cần đổi mật khẩu tạm thời trước khi tiếp tục', { reason: PASSWORD_CHANGE_REQUIRED });

export { FieldProblems } from '../common/field-problems';

export const accountNotFound = (): AppError => new AppError(ErrorCode.NOT_FOUND, 'Không tìm thấy tài khoản');
export const unitNotFound = (): AppError => new AppError(ErrorCode.NOT_FOUND, 'Không tìm thấy đơn vị');
export const refused = (message: string, reason?: string): AppError => new AppError(ErrorCode.FORBIDDEN, message, reason ? { reason } : {});

/** Ids are UUIDs: anything else names nothing (answered NOT_FOUND before it reaches Postgres). */
export const isUuid = (id: unknown): id is string => typeof id === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
