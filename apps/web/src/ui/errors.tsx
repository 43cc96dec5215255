import { type ReactNode, useLayoutEffect, useRef } from 'react';
import { ApiError, PASSWORD_CHANGE_REQUIRED } from '../api';
import { REASON_LABEL, UNMET_LABEL, fieldLabel, labelOf } from '../i18n';
import { type FieldRegistry, GENERIC_FIELD_ERROR, fieldMessages, isVietnamese, useFormFields } from './form-errors';

export { isVietnamese };

/** One line of an error: its text, and the field it is about (a link to that field in the summary). */
export interface ErrorItem {
  text: string;
  field?: string;
}

/** An API error in plain Vietnamese: a title, the items it names, and whether reloading helps. */
export interface ErrorView {
  title: string;
  items: ErrorItem[];
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
  SERVICE_UNAVAILABLE: 'Cơ sở dữ liệu tạm thời không sẵn sàng; hãy thử lại sau ít phút.',
  PAYLOAD_TOO_LARGE: 'Tệp quá lớn (tối đa 20 MB).',
};

/** The codes whose Vietnamese message (the newer operations') says more than the code's sentence. */
const OWN_MESSAGE = new Set(['FORBIDDEN', 'NOT_FOUND', 'CONFLICT']);
const SERVER_ERROR = 'Máy chủ gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.';

const list = (x: unknown): string[] => (Array.isArray(x) ? x : []);
const plain = (texts: string[]): ErrorItem[] => texts.map((text) => ({ text }));

/**
 * A bad field's line in the summary: its message, led by the field's label unless the message
 * already names it ("Số lao động phải từ 0 trở lên"); the label alone when there is no message; the message alone
 * when no label is known.
 */
function fieldItem(field: string, message: string | undefined, label: string): ErrorItem {
  // A field no label is known for (the API's name for it) is never shown: its message names it in Vietnamese.
  if (label === field) return { field, text: message ?? GENERIC_FIELD_ERROR };
  if (!message) return { field, text: `${label}: ${GENERIC_FIELD_ERROR.toLowerCase()}` };
  const named = message.toLocaleLowerCase('vi').startsWith(label.toLocaleLowerCase('vi'));
  return { field, text: named ? message : `${label}: ${message}` };
}

export function describeError(e: unknown, opts: { conflict?: string; notFound?: string; labelOf?: (field: string) => string } = {}): ErrorView {
  if (!(e instanceof ApiError)) return { code: 'CLIENT', title: 'Đã có lỗi xảy ra. Vui lòng thử lại.', items: [] };
  const x = e.extensions;
  if (e.code === 'FORBIDDEN' && x.reason === PASSWORD_CHANGE_REQUIRED) {
    return { code: e.code, title: 'Bạn cần đổi mật khẩu tạm thời trước khi tiếp tục.', items: [] };
  }
  // Bad fields: each with what the API (or the browser's check) says of it, all at once.
  const fields = e.code === 'BAD_USER_INPUT' ? list(x.fields) : [];
  if (fields.length) {
    const messages = fieldMessages(e);
    const label = opts.labelOf ?? fieldLabel;
    return { code: e.code, title: 'Dữ liệu chưa hợp lệ, vui lòng kiểm tra:', items: fields.map((f) => fieldItem(f, messages[f], label(f))) };
  }
  // A REST refusal (file upload, download) says what is wrong in its own Vietnamese message.
  if (typeof x.status === 'number' && isVietnamese(e.message)) {
    const items = (Array.isArray(x.errors) ? x.errors : [])
      .map((i: unknown) => (i && typeof i === 'object' ? (i as { message?: unknown }).message : null))
      .filter(isVietnamese)
      .filter((m) => m !== e.message);
    return { code: e.code, title: e.message, items: plain(items) };
  }
  // A write on a stale version of a case: the server's sentence, and the reload it asks for.
  if (e.code === 'CONFLICT' && x.reason === 'STALE_VERSION') {
    return { code: e.code, title: isVietnamese(e.message) ? e.message : CONFLICT_TEXT, items: [], reload: true };
  }
  // What the page shows is gone from the caller's reach (deleted, or moved out of its scope): the page's own words.
  if (e.code === 'NOT_FOUND' && opts.notFound) return { code: e.code, title: opts.notFound, items: [], reload: true };
  if (OWN_MESSAGE.has(e.code) && !opts.conflict && isVietnamese(e.message)) return { code: e.code, title: e.message, items: [] };
  switch (e.code) {
    case 'TRANSITION_NOT_ALLOWED': {
      const unmet = list(x.unmet);
      if (unmet.length) {
        return { code: e.code, title: 'Chưa đủ điều kiện — còn thiếu:', items: plain(unmet.map((u) => labelOf(UNMET_LABEL, u))) };
      }
      return { code: e.code, title: 'Thao tác này không thực hiện được ở giai đoạn hiện tại của hồ sơ.', items: [] };
    }
    case 'BAD_USER_INPUT':
      return { code: e.code, title: isVietnamese(e.message) ? e.message : 'Dữ liệu chưa hợp lệ, vui lòng kiểm tra lại.', items: [] };
    case 'INELIGIBLE':
      return ineligible(e.code, x.reasons, x.members);
    case 'CONFLICT':
      return opts.conflict ? { code: e.code, title: opts.conflict, items: [] } : { code: e.code, title: CONFLICT_TEXT, items: [], reload: true };
    default:
      return { code: e.code, title: TITLE[e.code] ?? SERVER_ERROR, items: [] };
  }
}

const TRANSFER_HINT =
  'Người đang là đoàn viên ở công đoàn cơ sở khác không kết nạp lại: mở tên người đó và dùng «Nhận chuyển sinh hoạt từ công đoàn cơ sở khác».';

/**
 * INELIGIBLE: an admission of several people names each one refused and why (`members`), with the way to take over a
 * membership held elsewhere; one application's refusal (no `members`) lists its reasons.
 */
function ineligible(code: string, reasons: unknown, members: unknown): ErrorView {
  const who = (Array.isArray(members) ? (members as unknown[]) : []).filter(
    (m): m is { fullName: string; reasons?: unknown } => typeof (m as { fullName?: unknown } | null)?.fullName === 'string',
  );
  const why = (rs: unknown) => list(rs).map((r) => labelOf(REASON_LABEL, r));
  if (!who.length) return { code, title: 'Người lao động không đủ điều kiện gia nhập công đoàn:', items: plain(why(reasons)) };
  const items = who.map((m) => `${m.fullName}: ${why(m.reasons).join('; ')}`);
  const elsewhere = who.some((m) => list(m.reasons).includes('ALREADY_MEMBER'));
  return { code, title: 'Không đủ điều kiện kết nạp:', items: plain(elsewhere ? [...items, TRANSFER_HINT] : items) };
}

/** Brings a message that has just appeared into view, clear of the sticky header, and focuses it when asked. */
function useReveal<T extends HTMLElement>(on: unknown, focus: boolean) {
  const ref = useRef<T>(null);
  // Before the browser paints: the message is never seen (nor found by a test) out of view first.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!on || !el) return;
    el.scrollIntoView({ block: 'nearest' });
    // The header stays on top of the page (position: sticky): what it covers is scrolled out from under it.
    const header = document.querySelector('.topbar');
    const covered = header ? header.getBoundingClientRect().bottom + 8 - el.getBoundingClientRect().top : 0;
    if (covered > 0) window.scrollBy(0, -covered);
    if (focus) el.focus({ preventScroll: true });
  }, [on, focus]);
  return ref;
}

/** The label a field shows (registered by the form's fields), else the table's. */
const labelFrom = (fields: FieldRegistry | null) => (name: string) => fields?.get(name)?.label ?? fieldLabel(name);

/**
 * An error as the user reads it. `reveal` (after the user's own action): scrolled into view and
 * focused, so that a refusal is never below the fold. In a form, a bad field's line links to its input.
 */
export function ErrorBox({
  error,
  onReload,
  conflict,
  notFound,
  reveal,
}: {
  error: unknown;
  onReload?: () => void;
  conflict?: string;
  notFound?: string;
  reveal?: boolean;
}) {
  const fields = useFormFields();
  const ref = useReveal<HTMLDivElement>(error, !!reveal);
  if (!error) return null;
  const v = describeError(error, { conflict, notFound, labelOf: labelFrom(fields) });
  return (
    <div ref={ref} className="alert alert-error" role="alert" data-code={v.code} data-testid="error-summary" tabIndex={-1}>
      <p className="alert-title">{v.title}</p>
      {v.items.length > 0 && (
        <ul>
          {v.items.map((i) => (
            <li key={i.text} data-field={i.field}>
              <ItemText item={i} inputId={i.field ? fields?.get(i.field)?.inputId : undefined} />
            </li>
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

/** A bad field's line as a link that moves the focus to its input (the router is left out of it). */
function ItemText({ item, inputId }: { item: ErrorItem; inputId?: string }) {
  if (!inputId) return <>{item.text}</>;
  return (
    <a
      href={`#${inputId}`}
      onClick={(ev) => {
        ev.preventDefault();
        document.getElementById(inputId)?.focus();
      }}
    >
      {item.text}
    </a>
  );
}

/** A success message; `reveal`: scrolled into view when it appears (it may be far from the button pressed). */
export function Notice({ children, reveal }: { children: ReactNode; reveal?: boolean }) {
  // Keyed by the text, so that a re-render with the same message does not scroll again.
  const ref = useReveal<HTMLDivElement>(reveal ? (typeof children === 'string' ? children : 'shown') : null, false);
  return (
    <div ref={ref} className="alert alert-ok" role="status">
      {children}
    </div>
  );
}
