/**
 * The Vietnamese names of the contract's status, kind and role codes: one table each, which the dashboard shows
 * (apps/web/src/i18n*.ts re-exports them under its names) and the audit log reads stored values with
 * (audit-values.ts). The stage names are STAGE_LABELS' (stage-labels.ts); other codes have theirs beside their rules
 * (funding-type.ts, member-register.ts, restructuring.ts, official-document-types.ts).
 */

export const ROLE_LABEL_VI = Object.freeze({
  ADMIN: 'Quản trị',
  SUPERVISOR: 'Ban Thường vụ',
  OFFICER: 'Cán bộ chuyên trách',
  GRASSROOTS: 'Ban Chấp hành CĐCS',
});

/** A person's sex as the registers store it (grassroots_staff.sex). */
export const SEX_LABEL_VI = Object.freeze({
  FEMALE: 'Nữ',
  MALE: 'Nam',
});

/** What a register import reads (register_import.kind). */
export const IMPORT_KIND_LABEL_VI: Readonly<Record<string, string>> = Object.freeze({
  enterprise: 'Sổ doanh nghiệp',
});

/** In this order in the close form's picker. */
export const CLOSE_REASON_LABEL_VI = Object.freeze({
  ENTERPRISE_DISSOLVED: 'Doanh nghiệp giải thể',
  BELOW_THRESHOLD: 'Không đủ số lao động',
  WORKERS_DECLINED: 'Người lao động không đồng thuận',
  EMPLOYER_OBSTRUCTION: 'Chủ doanh nghiệp cản trở',
  ALREADY_HAS_UNION: 'Doanh nghiệp đã có công đoàn',
  OTHER: 'Lý do khác',
});

export const APPLICATION_STATUS_LABEL_VI = Object.freeze({
  SUBMITTED: 'Đã nộp',
  ADMITTED: 'Đã kết nạp',
  REJECTED: 'Từ chối',
  WITHDRAWN: 'Đã rút',
});

/** A level as raised (when it fired). */
export const ESCALATION_LEVEL_LABEL_VI = Object.freeze({
  WARNING: 'Cảnh báo sớm (80% thời hạn)',
  BREACH: 'Đến hạn chưa xong (100% thời hạn)',
  CRITICAL: 'Quá hạn nghiêm trọng (150% thời hạn)',
});

/** In this order in the report form's picker. */
export const PERIOD_KIND_LABEL_VI = Object.freeze({
  MONTH: 'Tháng',
  QUARTER: 'Quý',
  HALF_YEAR: '6 tháng',
  YEAR: 'Năm',
});

/** A report's or an official document's file being built. */
export const REPORT_STATUS_LABEL_VI = Object.freeze({
  QUEUED: 'Đang chờ',
  RUNNING: 'Đang lập',
  READY: 'Hoàn thành',
  FAILED: 'Lỗi',
});

/** In this order in the rewards filter. */
export const NOMINATION_STATUS_LABEL_VI = Object.freeze({
  PROPOSED: 'Chờ duyệt',
  APPROVED: 'Đã duyệt',
  REJECTED: 'Từ chối',
});

/** A case's history actions (case_transition.action). */
export const CASE_ACTION_LABEL_VI: Readonly<Record<string, string>> = Object.freeze({
  ASSIGN: 'Phân công',
  RECORD_SURVEY: 'Ghi kết quả khảo sát',
  RECORD_OUTREACH: 'Ghi buổi tuyên truyền',
  FORM_COMMITTEE: 'Thành lập ban vận động',
  RECORD_CONGRESS: 'Ghi đại hội thành lập',
  RECORD_DECISION: 'Ghi quyết định công nhận',
  ADVANCE: 'Chuyển giai đoạn',
  CLOSE: 'Đóng hồ sơ',
  REOPEN: 'Mở lại hồ sơ',
});

/** A case's evidence kinds (case_evidence.kind). */
export const EVIDENCE_KIND_LABEL_VI: Readonly<Record<string, string>> = Object.freeze({
  SURVEY: 'Kết quả khảo sát',
  OUTREACH: 'Buổi tuyên truyền vận động',
  COMMITTEE: 'Ban vận động',
  CONGRESS: 'Đại hội thành lập',
  DECISION: 'Quyết định công nhận',
});

export const OWNERSHIP_LABEL_VI = Object.freeze({
  STATE: 'Nhà nước',
  PRIVATE: 'Tư nhân',
  FOREIGN_INVESTED: 'Có vốn đầu tư nước ngoài',
  COLLECTIVE: 'Tập thể',
  OTHER: 'Khác',
});

/** In this order in the new-unit form's picker. */
export const ORG_UNIT_KIND_LABEL_VI = Object.freeze({
  CONFEDERATION: 'Tổng Liên đoàn',
  FEDERATION: 'Liên đoàn Lao động tỉnh, thành phố',
  UPPER_LEVEL: 'Công đoàn cấp trên trực tiếp cơ sở',
  GRASSROOTS: 'Công đoàn cơ sở',
});

/** Where a worker count (or a funding type) came from. */
export const WORKER_COUNT_SOURCE_LABEL_VI = Object.freeze({
  MANUAL: 'Nhập tay',
  IMPORT: 'Nhập từ tệp',
  SURVEY: 'Khảo sát',
});

export const IMPORT_STATUS_LABEL_VI = Object.freeze({
  VALIDATED: 'Đã kiểm tra, chờ xác nhận',
  APPLYING: 'Đang nhập',
  APPLIED: 'Đã nhập xong',
  FAILED: 'Nhập không thành công',
  CANCELLED: 'Đã huỷ',
});

/** A CĐCS's statistics return (docs/architecture.md#statistics-returns). */
export const RETURN_STATUS_LABEL_VI = Object.freeze({
  DRAFT: 'Bản nháp (chưa gửi)',
  SUBMITTED: 'Đã gửi, chờ duyệt',
  SENT_BACK: 'Bị trả lại để sửa',
  ACCEPTED: 'Đã được duyệt',
});

/** What a saved version of a return did (statistics_return_version.action). */
export const RETURN_VERSION_ACTION_LABEL_VI: Readonly<Record<string, string>> = Object.freeze({
  SAVE: 'Lưu số liệu',
  SUBMIT: 'Gửi cấp trên',
  ACCEPT: 'Cấp trên duyệt',
  SEND_BACK: 'Cấp trên trả lại',
});

export const PARTY_OUTCOME_LABEL_VI = Object.freeze({
  PENDING: 'Chờ kết quả',
  ADMITTED: 'Được kết nạp Đảng',
  NOT_ADMITTED: 'Chưa được kết nạp',
});

export const MEETING_STATUS_LABEL_VI = Object.freeze({
  SCHEDULED: 'Đã lên lịch',
  HELD: 'Đã họp',
  CANCELLED: 'Đã hủy',
});

export const ACTION_ITEM_STATUS_LABEL_VI = Object.freeze({
  OPEN: 'Đang thực hiện',
  DONE: 'Đã hoàn thành',
});

/** A scheduled restructuring (docs/architecture.md#restructuring). */
export const ORG_CHANGE_STATUS_LABEL_VI = Object.freeze({
  SCHEDULED: 'Đã lên lịch',
  APPLIED: 'Đã có hiệu lực',
  CANCELLED: 'Đã hủy',
  FAILED: 'Không áp dụng được',
});

/** A day of the working calendar that differs from the week's rule. */
export const CALENDAR_DAY_KIND_LABEL_VI = Object.freeze({
  DAY_OFF: 'Ngày nghỉ',
  MAKE_UP_WORKING_DAY: 'Ngày làm bù',
});
