import type { ReactNode } from 'react';
import { ApiError, PASSWORD_CHANGE_REQUIRED } from '../api';
import { REASON_LABEL, UNMET_LABEL, fieldLabel, labelOf } from '../i18n';

/** An API error in plain Vietnamese: a title, the items it names, and whether reloading helps. */
export interface ErrorView {
  title: string;
  items: string[];
  reload?: boolean;
  code: string;
}

export const CONFLICT_TEXT = 'Hồ sơ đã được người khác cập nhật — tải lại';

/** The codes that only need a sentence; the others name items or depend on the form. */
const TITLE: Readonly<Record<string, string>> = {
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  NOT_FOUND: 'Không tìm thấy dữ liệu, hoặc dữ liệu nằm ngoài phạm vi của bạn.',
  UNAUTHENTICATED: 'Phiên đăng nhập đã hết hạn — vui lòng đăng nhập lại.',
  TOO_MANY_REQUESTS: 'Thao tác quá nhiều lần, vui lòng thử lại sau ít phút.',
  NETWORK: 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.',
  PAYLOAD_TOO_LARGE: 'Tệp quá lớn (tối đa 20 MB).',
};

/** The codes whose Vietnamese message (the newer operations') says more than the code's sentence. */
const OWN_MESSAGE = new Set(['FORBIDDEN', 'NOT_FOUND', 'CONFLICT']);
const SERVER_ERROR = 'Máy chủ gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.';

const list = (x: unknown): string[] => (Array.isArray(x) ? x : []);

/**
 * Whether a server message is meant for the user: the newer operations answer in Vietnamese, older
 * ones in English (for the logs), so only a text with Vietnamese letters is shown as it is.
 */
export const isVietnamese = (text: unknown): text is string =>
  typeof text === 'string' && /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i.test(text);

export function describeError(e: unknown, opts: { conflict?: string } = {}): ErrorView {
  if (!(e instanceof ApiError)) return { code: 'CLIENT', title: 'Đã có lỗi xảy ra. Vui lòng thử lại.', items: [] };
  const x = e.extensions;
  if (e.code === 'FORBIDDEN' && x.reason === PASSWORD_CHANGE_REQUIRED) {
    return { code: e.code, title: 'Bạn cần đổi mật khẩu tạm thời trước khi tiếp tục.', items: [] };
  }
  // A REST refusal (file upload, download) says what is wrong in its own Vietnamese message.
  if (typeof x.status === 'number' && isVietnamese(e.message)) {
    const items = (Array.isArray(x.errors) ? x.errors : [])
      .map((i: unknown) => (i && typeof i === 'object' ? (i as { message?: unknown }).message : null))
      .filter(isVietnamese)
      .filter((m) => m !== e.message);
    return { code: e.code, title: e.message, items };
  }
  // A write on a stale version of a case: the server's sentence, and the reload it asks for.
  if (e.code === 'CONFLICT' && x.reason === 'STALE_VERSION') {
    return { code: e.code, title: isVietnamese(e.message) ? e.message : CONFLICT_TEXT, items: [], reload: true };
  }
  if (OWN_MESSAGE.has(e.code) && !opts.conflict && isVietnamese(e.message)) return { code: e.code, title: e.message, items: [] };
  switch (e.code) {
    case 'TRANSITION_NOT_ALLOWED': {
      const unmet = list(x.unmet);
      if (unmet.length) {
        return { code: e.code, title: 'Chưa đủ điều kiện — còn thiếu:', items: unmet.map((u) => labelOf(UNMET_LABEL, u)) };
      }
      return { code: e.code, title: 'Thao tác này không thực hiện được ở giai đoạn hiện tại của hồ sơ.', items: [] };
    }
    case 'BAD_USER_INPUT': {
      const fields = list(x.fields);
      return {
        code: e.code,
        title: fields.length ? 'Dữ liệu chưa hợp lệ, vui lòng kiểm tra:' : 'Dữ liệu chưa hợp lệ, vui lòng kiểm tra lại.',
        items: fields.map(fieldLabel),
      };
    }
    case 'INELIGIBLE':
      return { code: e.code, title: 'Người lao động không đủ điều kiện gia nhập công đoàn:', items: list(x.reasons).map((r) => labelOf(REASON_LABEL, r)) };
    case 'CONFLICT':
      return opts.conflict ? { code: e.code, title: opts.conflict, items: [] } : { code: e.code, title: CONFLICT_TEXT, items: [], reload: true };
    default:
      return { code: e.code, title: TITLE[e.code] ?? SERVER_ERROR, items: [] };
  }
}

/** What a BAD_USER_INPUT error says of each field it names, where it says it in Vietnamese (shown beside the field). */
export function fieldMessages(e: unknown): Record<string, string> {
  if (!(e instanceof ApiError) || e.code !== 'BAD_USER_INPUT') return {};
  const m = e.extensions.messages;
  if (!m || typeof m !== 'object') return {};
  return Object.fromEntries(Object.entries(m).filter(([, v]) => isVietnamese(v)));
}

/** The fields a BAD_USER_INPUT error names (to mark the inputs). */
export function badFields(e: unknown): Set<string> {
  return new Set(e instanceof ApiError && e.code === 'BAD_USER_INPUT' ? list(e.extensions.fields) : []);
}

export function ErrorBox({ error, onReload, conflict }: { error: unknown; onReload?: () => void; conflict?: string }) {
  if (!error) return null;
  const v = describeError(error, { conflict });
  return (
    <div className="alert alert-error" role="alert" data-code={v.code}>
      <p className="alert-title">{v.title}</p>
      {v.items.length > 0 && (
        <ul>
          {v.items.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
      {v.reload && onReload && (
        <button type="button" className="btn btn-secondary" onClick={onReload}>
          Tải lại hồ sơ
        </button>
      )}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-ok" role="status">
      {children}
    </div>
  );
}
