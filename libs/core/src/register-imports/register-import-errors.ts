import { AppError, ErrorCode } from '../common/app-error';
import { RegisterImportStatus } from './register-fields';

export const NOT_FOUND_MESSAGE = 'Không tìm thấy lần nhập này';

/** Why confirming or cancelling an import did nothing, from its status now (in Vietnamese). */
export async function importConflict(
  query: (sql: string, params: unknown[]) => Promise<{ status: string }[]>,
  id: string,
  what: 'confirm' | 'cancel',
): Promise<AppError> {
  const [row] = await query(`SELECT status FROM register_import WHERE id = $1`, [id]);
  const status = row?.status as RegisterImportStatus | undefined;
  const why: Record<RegisterImportStatus, string> = {
    [RegisterImportStatus.VALIDATED]: 'Lần nhập này chưa được xác nhận',
    [RegisterImportStatus.APPLYING]: 'Lần nhập này đã được xác nhận và đang được ghi vào danh sách doanh nghiệp',
    [RegisterImportStatus.APPLIED]: 'Lần nhập này đã được ghi vào danh sách doanh nghiệp',
    [RegisterImportStatus.FAILED]: 'Lần nhập này bị lỗi khi ghi: hãy xác nhận lại để ghi tiếp các dòng còn lại',
    [RegisterImportStatus.CANCELLED]: 'Lần nhập này đã bị huỷ: hãy tải tệp lên lại',
  };
  const prefix = what === 'confirm' ? 'Không xác nhận được' : 'Không huỷ được';
  return new AppError(ErrorCode.CONFLICT, `${prefix}: ${status ? why[status] : NOT_FOUND_MESSAGE}`, { status });
}
