/** Vietnamese labels for the contract's codes, and the formats: dd/mm/yyyy dates, vi-VN numbers. */
import { Requirement } from '@app/domain/case-stage';
import {
  APPLICATION_STATUS_LABEL_VI,
  CASE_ACTION_LABEL_VI,
  CLOSE_REASON_LABEL_VI,
  ESCALATION_LEVEL_LABEL_VI,
  EVIDENCE_KIND_LABEL_VI,
  NOMINATION_STATUS_LABEL_VI,
  OWNERSHIP_LABEL_VI,
  PERIOD_KIND_LABEL_VI,
  REPORT_STATUS_LABEL_VI,
  ROLE_LABEL_VI,
} from '@app/domain/code-labels';
import { IneligibleReason } from '@app/domain/eligibility';
import { STAGE_LABELS } from '@app/domain/stage-labels';
import type { ApplicationStatus, EscalationLevel, NominationStatus, Ownership, PeriodKind, ReportStatus, Role } from './generated/graphql';
import { CaseStage, CloseReason } from './stages';

/** The label of a code, or the code itself when the table does not know it (say, a newer server's). */
export function labelOf<K extends string>(table: Readonly<Record<K, string>>, code: string): string {
  return (table as Readonly<Record<string, string | undefined>>)[code] ?? code;
}

/** The stage names: the domain's one table, which the server also writes into the XLSX, the CSV and the e-mails. */
export const STAGE_LABEL: Readonly<Record<CaseStage, string>> = STAGE_LABELS;

export const ROLE_LABEL: Readonly<Record<Role, string>> = ROLE_LABEL_VI;

/** The exit requirements a refused advance names (TRANSITION_NOT_ALLOWED's `unmet`). */
export const UNMET_LABEL: Readonly<Record<Requirement, string>> = {
  [Requirement.SURVEY_MISSING]: 'Chưa có kết quả khảo sát',
  [Requirement.NO_ASSIGNEE]: 'Chưa phân công cán bộ phụ trách',
  [Requirement.NO_OUTREACH]: 'Chưa có buổi tuyên truyền',
  [Requirement.NO_MOBILIZATION_COMMITTEE]: 'Chưa thành lập ban vận động',
  [Requirement.TOO_FEW_APPLICATIONS]: 'Chưa đủ đơn xin gia nhập',
  [Requirement.NO_CONGRESS]: 'Chưa tổ chức đại hội',
  [Requirement.NO_DOSSIER]: 'Chưa hoàn thiện hồ sơ',
  [Requirement.NO_DECISION]: 'Chưa có quyết định công nhận',
  [Requirement.ENTERPRISE_HAS_UNION]: 'Doanh nghiệp đã có công đoàn',
};

/** Why a worker may not join (INELIGIBLE's `reasons`). */
export const REASON_LABEL: Readonly<Record<IneligibleReason, string>> = {
  [IneligibleReason.MANAGER]:
    'Là người quản lý doanh nghiệp (chủ doanh nghiệp, thành viên hội đồng quản trị, giám đốc, người được ủy quyền ký hợp đồng lao động)',
  [IneligibleReason.SERVING_SENTENCE]: 'Đang chấp hành án phạt tù',
  [IneligibleReason.FOREIGN_CONTRACT_TOO_SHORT]: 'Lao động nước ngoài có hợp đồng dưới 12 tháng',
  [IneligibleReason.ALREADY_MEMBER]: 'Đã là đoàn viên công đoàn hoặc đã có đơn đang chờ xét',
};

/** In this order in the close form's picker. */
export const CLOSE_REASON_LABEL: Readonly<Record<CloseReason, string>> = CLOSE_REASON_LABEL_VI;

export const APPLICATION_STATUS_LABEL: Readonly<Record<ApplicationStatus, string>> = APPLICATION_STATUS_LABEL_VI;

/**
 * A level as raised (when it fired), for the history of a case's escalations. How late a case is now is the API's
 * `lateness.label`, read from its due day: a level alone would call a case past due "Sắp quá hạn".
 */
export const ESCALATION_LEVEL_LABEL: Readonly<Record<EscalationLevel, string>> = ESCALATION_LEVEL_LABEL_VI;

/** In this order in the report form's picker. */
export const PERIOD_KIND_LABEL: Readonly<Record<PeriodKind, string>> = PERIOD_KIND_LABEL_VI;

export const REPORT_STATUS_LABEL: Readonly<Record<ReportStatus, string>> = REPORT_STATUS_LABEL_VI;

/** In this order in the rewards filter. */
export const NOMINATION_STATUS_LABEL: Readonly<Record<NominationStatus, string>> = NOMINATION_STATUS_LABEL_VI;

/** History actions (CaseTransition.action, a string in the contract). */
export const ACTION_LABEL: Readonly<Record<string, string>> = CASE_ACTION_LABEL_VI;

/** Evidence kinds (CaseEvidence.kind, a string in the contract). */
export const EVIDENCE_KIND_LABEL: Readonly<Record<string, string>> = EVIDENCE_KIND_LABEL_VI;

export const OWNERSHIP_LABEL: Readonly<Record<Ownership, string>> = OWNERSHIP_LABEL_VI;

/** Input and evidence field names, for BAD_USER_INPUT and evidence details. */
export const FIELD_LABEL: Readonly<Record<string, string>> = {
  email: 'Email',
  password: 'Mật khẩu',
  surveyedOn: 'Ngày khảo sát',
  workerCount: 'Số lao động',
  hasUnion: 'Đã có công đoàn',
  contactName: 'Người liên hệ',
  note: 'Ghi chú',
  heldOn: 'Ngày tổ chức',
  workersReached: 'Số lao động được tuyên truyền',
  workersInterested: 'Số lao động quan tâm',
  formedOn: 'Ngày thành lập',
  memberNames: 'Thành viên ban vận động',
  attendees: 'Số người dự',
  executiveCommittee: 'Ban chấp hành lâm thời',
  chairName: 'Chủ tịch',
  dossierCompletedOn: 'Ngày hoàn thiện hồ sơ',
  decisionNumber: 'Số quyết định',
  decidedOn: 'Ngày quyết định',
  signedBy: 'Người ký',
  grassrootsUnionName: 'Tên công đoàn cơ sở',
  comment: 'Ghi chú',
  reason: 'Lý do',
  assigneeId: 'Cán bộ phụ trách',
  fullName: 'Họ và tên',
  personalId: 'Số CCCD',
  birthYear: 'Năm sinh',
  gender: 'Giới tính',
  position: 'Vị trí công việc',
  nationality: 'Quốc tịch',
  contractMonths: 'Thời hạn hợp đồng (tháng)',
  isManager: 'Là người quản lý',
  servingSentence: 'Đang chấp hành án phạt tù',
  submittedOn: 'Ngày nộp đơn',
  periodKind: 'Loại kỳ',
  periodStart: 'Ngày bắt đầu kỳ',
  orgUnitId: 'Đơn vị',
  year: 'Năm',
  newMembers: 'Đoàn viên mới',
  newGrassrootsUnions: 'CĐCS mới',
  coveragePercent: 'Tỷ lệ bao phủ (%)',
  enterpriseId: 'Doanh nghiệp',
  expectedVersion: 'Phiên bản hồ sơ',
  first: 'Số dòng',
  name: 'Tên',
  taxCode: 'Mã số thuế',
  district: 'Huyện/thành phố',
  sector: 'Ngành',
  note_: 'Ghi chú',
  address: 'Địa chỉ',
  ownership: 'Loại hình',
  workerCountOn: 'Ngày đếm lao động',
  closedOn: 'Ngày ngừng hoạt động',
  role: 'Vai trò',
  kind: 'Loại',
  day: 'Ngày',
  document: 'Văn bản công bố',
  parentId: 'Đơn vị cấp trên',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  file: 'Tệp',
};

/** A label table as picker options, in the table's order. */
export function optionsOf<K extends string>(table: Readonly<Record<K, string>>): { value: K; label: string }[] {
  return (Object.entries(table) as [K, string][]).map(([value, label]) => ({ value, label }));
}

export const fieldLabel = (f: string): string => labelOf(FIELD_LABEL, f);

const numberFmt = new Intl.NumberFormat('vi-VN');
const decimalFmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

export function fmtNumber(n: number | null | undefined): string {
  return n == null || Number.isNaN(n) ? '—' : numberFmt.format(n);
}

export function fmtPercent(n: number | null | undefined): string {
  return n == null || Number.isNaN(n) ? '—' : `${decimalFmt.format(n)}%`;
}

export function fmtDecimal(n: number | null | undefined): string {
  return n == null || Number.isNaN(n) ? '—' : decimalFmt.format(n);
}

/** YYYY-MM-DD (a calendar day) → dd/mm/yyyy. */
export function fmtDate(day: string | null | undefined): string {
  if (!day) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}

const instantFmt = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An ISO instant → dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh. */
export function fmtDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = Object.fromEntries(instantFmt.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** Today in Asia/Ho_Chi_Minh as YYYY-MM-DD. */
export function vnToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function vnYear(now = new Date()): number {
  return Number(vnToday(now).slice(0, 4));
}

/**
 * dd/mm/yyyy (also d/m/yyyy, with - or .) → YYYY-MM-DD; a string the user typed that is not a
 * date is passed on as typed, so that the API names the field (BAD_USER_INPUT).
 */
export function parseVnDate(text: string): string {
  const t = text.trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return t;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return t;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Period label: "Quý 2/2026", "Tháng 05/2026", "6 tháng đầu năm 2026", "Năm 2026". */
export function fmtPeriod(kind: string, start: string): string {
  const y = start.slice(0, 4);
  const mo = Number(start.slice(5, 7));
  switch (kind) {
    case 'MONTH':
      return `Tháng ${String(mo).padStart(2, '0')}/${y}`;
    case 'QUARTER':
      return `Quý ${Math.floor((mo - 1) / 3) + 1}/${y}`;
    case 'HALF_YEAR':
      return mo <= 6 ? `6 tháng đầu năm ${y}` : `6 tháng cuối năm ${y}`;
    case 'YEAR':
      return start.slice(5) === '01-01' ? `Năm ${y}` : `12 tháng từ ${fmtDate(start)}`;
    default:
      return `${labelOf(PERIOD_KIND_LABEL, kind)} từ ${fmtDate(start)}`;
  }
}
