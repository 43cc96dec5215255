import { VN_UTC_OFFSET_MS, isIsoDate, isoDateParts } from './calendar-days';
import {
  ACTION_ITEM_STATUS_LABEL_VI,
  APPLICATION_STATUS_LABEL_VI,
  CALENDAR_DAY_KIND_LABEL_VI,
  CASE_ACTION_LABEL_VI,
  CLOSE_REASON_LABEL_VI,
  ESCALATION_LEVEL_LABEL_VI,
  EVIDENCE_KIND_LABEL_VI,
  IMPORT_KIND_LABEL_VI,
  IMPORT_STATUS_LABEL_VI,
  MEETING_STATUS_LABEL_VI,
  NOMINATION_STATUS_LABEL_VI,
  ORG_CHANGE_STATUS_LABEL_VI,
  ORG_UNIT_KIND_LABEL_VI,
  OWNERSHIP_LABEL_VI,
  PARTY_OUTCOME_LABEL_VI,
  PERIOD_KIND_LABEL_VI,
  REPORT_STATUS_LABEL_VI,
  RETURN_STATUS_LABEL_VI,
  RETURN_VERSION_ACTION_LABEL_VI,
  ROLE_LABEL_VI,
  SEX_LABEL_VI,
  WORKER_COUNT_SOURCE_LABEL_VI,
} from './code-labels';
import { FUNDING_TYPE_LABEL_VI } from './funding-type';
import { LABOUR_CONTRACT_KIND_LABEL_VI, LEAVE_REASON_LABEL_VI } from './member-register';
import { formatMoneyVi } from './money';
import { DOCUMENT_KIND_VI } from './official-document-types';
import { ORG_CHANGE_KIND_LABEL_VI } from './restructuring';
import { STAGE_LABELS } from './stage-labels';

/**
 * The audit log's stored values as people read them (docs/architecture.md#audit-log): codes by the label tables the
 * rest of the app uses, days dd/mm/yyyy, instants dd/mm/yyyy HH:mm in Vietnam, booleans Có/Không, money in đồng.
 * The log keeps the raw value (the filters and the export's raw columns take it); this is only its reading.
 */

type Labels = Readonly<Record<string, string>>;

/** A column whose codes mean the same in every audited table that has it. */
const CODES_BY_COLUMN: Readonly<Record<string, Labels>> = Object.freeze({
  stage: STAGE_LABELS,
  from_stage: STAGE_LABELS,
  to_stage: STAGE_LABELS,
  closed_from_stage: STAGE_LABELS,
  role: ROLE_LABEL_VI,
  closed_reason: CLOSE_REASON_LABEL_VI,
  level: ESCALATION_LEVEL_LABEL_VI,
  ownership: OWNERSHIP_LABEL_VI,
  funding_type: FUNDING_TYPE_LABEL_VI,
  left_reason: LEAVE_REASON_LABEL_VI,
  contract_kind: LABOUR_CONTRACT_KIND_LABEL_VI,
  period_kind: PERIOD_KIND_LABEL_VI,
});

/** `status`, `kind`, `action` … mean one thing per table. */
const CODES_BY_TABLE: Readonly<Record<string, Readonly<Record<string, Labels>>>> = Object.freeze({
  calendar_day: { kind: CALENDAR_DAY_KIND_LABEL_VI },
  case_evidence: { kind: EVIDENCE_KIND_LABEL_VI },
  case_transition: { action: CASE_ACTION_LABEL_VI },
  enterprise_funding_type: { source: WORKER_COUNT_SOURCE_LABEL_VI },
  enterprise_worker_count: { source: WORKER_COUNT_SOURCE_LABEL_VI },
  membership_application: { status: APPLICATION_STATUS_LABEL_VI },
  official_document: { kind: DOCUMENT_KIND_VI, status: REPORT_STATUS_LABEL_VI },
  org_unit: { kind: ORG_UNIT_KIND_LABEL_VI },
  org_unit_change: { kind: ORG_CHANGE_KIND_LABEL_VI, status: ORG_CHANGE_STATUS_LABEL_VI },
  party_recommendation_member: { outcome: PARTY_OUTCOME_LABEL_VI },
  register_import: { status: IMPORT_STATUS_LABEL_VI, kind: IMPORT_KIND_LABEL_VI },
  grassroots_staff: { sex: SEX_LABEL_VI },
  report: { status: REPORT_STATUS_LABEL_VI },
  review_action_item: { status: ACTION_ITEM_STATUS_LABEL_VI },
  review_meeting: { status: MEETING_STATUS_LABEL_VI },
  reward_nomination: { status: NOMINATION_STATUS_LABEL_VI },
  reward_nomination_event: { from_status: NOMINATION_STATUS_LABEL_VI, to_status: NOMINATION_STATUS_LABEL_VI },
  statistics_return: { status: RETURN_STATUS_LABEL_VI },
  statistics_return_version: { status: RETURN_STATUS_LABEL_VI, action: RETURN_VERSION_ACTION_LABEL_VI },
});

/** Whole-đồng amounts (bigint; money.ts). */
const MONEY_COLUMNS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  budget_entry: ['amount'],
  budget_plan: ['amount'],
});

/**
 * The columns that hold another row's id, by what that row is: the API adds the row's name beside the id
 * (AuditFieldChange.beforeLabel / afterLabel), one query per kind for a page.
 */
export type AuditRefKind = 'org_unit' | 'app_user' | 'enterprise';
export const AUDIT_REF_COLUMNS: Readonly<Record<string, AuditRefKind>> = Object.freeze({
  org_unit_id: 'org_unit',
  grassroots_union_id: 'org_unit',
  parent_id: 'org_unit',
  from_parent_id: 'org_unit',
  to_parent_id: 'org_unit',
  deciding_unit_id: 'org_unit',
  return_union_id: 'org_unit',
  enterprise_id: 'enterprise',
  officer_id: 'app_user',
  user_id: 'app_user',
  assignee_id: 'app_user',
  chair_id: 'app_user',
  actor_id: 'app_user',
  by_user_id: 'app_user',
  created_by: 'app_user',
  updated_by: 'app_user',
  recorded_by: 'app_user',
  set_by: 'app_user',
  decided_by: 'app_user',
  cancelled_by: 'app_user',
  submitted_by: 'app_user',
  saved_by: 'app_user',
  opened_by: 'app_user',
  moved_by: 'app_user',
  requested_by: 'app_user',
  confirmed_by: 'app_user',
  held_by: 'app_user',
  completed_by: 'app_user',
});

/** How the log reads a missing value. */
export const AUDIT_NO_VALUE = '(trống)';

const own = <V>(table: Readonly<Record<string, V>>, key: string): V | undefined => (Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined);

/** Citizen ids keep their last 3 characters behind stars, password hashes read `***`, long values `(N ký tự)` (audit_scrub). */
const MASKED = /^\*+[^*]{0,3}$|^\(\d+ ký tự\)$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/;

const two = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh (UTC+7 all year since 1975), or null when it is not one. */
export function vnInstantText(iso: string): string | null {
  if (!INSTANT.test(iso)) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const d = new Date(t + VN_UTC_OFFSET_MS);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/**
 * A stored value of an audited column (as the API gives it: text as is, anything else as JSON) in Vietnamese:
 * a code its label, a day dd/mm/yyyy, an instant dd/mm/yyyy HH:mm, true/false Có/Không, money "1.250.000 đ",
 * none "(trống)". Masked values and anything unknown read as stored.
 */
export function auditValueLabel(table: string, column: string, value: string | null | undefined): string {
  if (value == null) return AUDIT_NO_VALUE;
  if (MASKED.test(value)) return value;
  const codes = own(own(CODES_BY_TABLE, table) ?? {}, column) ?? own(CODES_BY_COLUMN, column);
  if (codes) return own(codes, value) ?? value;
  if ((own(MONEY_COLUMNS, table) ?? []).includes(column) && /^-?\d{1,19}$/.test(value)) return formatMoneyVi(value);
  if (value === 'true') return 'Có';
  if (value === 'false') return 'Không';
  if (isIsoDate(value)) {
    const [y, m, d] = isoDateParts(value);
    return `${two(d)}/${two(m)}/${y}`;
  }
  return vnInstantText(value) ?? value;
}
