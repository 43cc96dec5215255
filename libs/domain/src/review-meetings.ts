import { IsoDate, compareIsoDates, daysInMonth, isoDateOf } from './calendar-days';
import { round2 } from './report-math';
import { DEFAULT_SLA, EscalationLevel, levelWorkingDays } from './sla';
import { WorkingCalendar } from './working-calendar';

// Review meetings (giao ban): their days, the escalation days of their action items, and the change between two
// frozen snapshots (docs/architecture.md#review-meetings).

/** How the monthly meetings of a year fall: on a day of the month (moved to a working day), or the month's first/last working day. */
export type MonthlyMeetingRule = 'DAY_OF_MONTH' | 'FIRST_WORKING_DAY' | 'LAST_WORKING_DAY';

/**
 * The working day of `year`-`month` a monthly meeting falls on. DAY_OF_MONTH: `dayOfMonth` (the month's last day when
 * it has fewer), or the next working day when that one is off, or the previous one when no working day follows in the month.
 */
export function monthlyMeetingDay(cal: WorkingCalendar, year: number, month: number, rule: MonthlyMeetingRule, dayOfMonth = 1): IsoDate {
  const last = daysInMonth(year, month);
  const first = isoDateOf(year, month, 1);
  const end = isoDateOf(year, month, last);
  if (rule === 'FIRST_WORKING_DAY') return cal.isWorkingDay(first) ? first : cal.addWorkingDays(first, 1);
  if (rule === 'LAST_WORKING_DAY') return cal.isWorkingDay(end) ? end : cal.addWorkingDays(end, -1);
  const wanted = isoDateOf(year, month, Math.min(Math.max(1, dayOfMonth), last));
  if (cal.isWorkingDay(wanted)) return wanted;
  const next = cal.addWorkingDays(wanted, 1);
  return compareIsoDates(next, end) <= 0 ? next : cal.addWorkingDays(wanted, -1);
}

/** The twelve meeting days of a year by the rule. */
export function monthlyMeetingDays(cal: WorkingCalendar, year: number, rule: MonthlyMeetingRule, dayOfMonth = 1): IsoDate[] {
  return Array.from({ length: 12 }, (_, i) => monthlyMeetingDay(cal, year, i + 1, rule, dayOfMonth));
}

export interface ActionItemDays {
  warningOn: IsoDate;
  dueOn: IsoDate;
  criticalOn: IsoDate;
}

/**
 * The escalation days of an action item, like a case's stage (stageDeadlines): its limit is the working days from the
 * meeting to its due day; WARNING past 80 % of them, BREACH past the due day, CRITICAL past 150 % (at least one working
 * day after the due day, so that a short item does not jump from on time to critical).
 */
export function actionItemDays(cal: WorkingCalendar, heldOn: IsoDate, dueOn: IsoDate, thresholds = DEFAULT_SLA.thresholds): ActionItemDays {
  const days = cal.workingDaysBetween(heldOn, dueOn);
  const warning = Math.min(levelWorkingDays(days, thresholds[EscalationLevel.WARNING]), days);
  const critical = Math.max(levelWorkingDays(days, thresholds[EscalationLevel.CRITICAL]), days + 1);
  const warningOn = days === 0 ? dueOn : cal.addWorkingDays(heldOn, warning);
  return { warningOn: compareIsoDates(warningOn, dueOn) > 0 ? dueOn : warningOn, dueOn, criticalOn: cal.addWorkingDays(heldOn, critical) };
}

/** A snapshot's figures for one indicator row, as the meeting page compares them. */
export interface SnapshotFiguresForChange {
  newMembersYearToDate: number;
  newGrassrootsUnionsYearToDate: number;
  coveragePercent: number | null;
  withUnion: number;
  openCases: number;
  overdueCases: number;
  /** Whole đồng as decimal digits (never a float), or null without a budget. */
  budgetSpent: string | null;
}

export interface OfficerFiguresForChange {
  officerId: string;
  fullName: string;
  membersAdmitted: number;
  recognitions: number;
  openCases: number;
  overdueCases: number;
  budgetSpent?: string | null;
}

export type ChangeKind = 'COUNT' | 'PERCENT' | 'MONEY';

/** One indicator in two snapshots: the values as decimal text (exact for money), the change, null where one side has none. */
export interface SnapshotChange {
  /** null: the unit's row; else the officer it is about. */
  officerId: string | null;
  fullName: string | null;
  indicator: string;
  label: string;
  kind: ChangeKind;
  previous: string | null;
  current: string | null;
  change: string | null;
}

const UNIT_ROWS: { indicator: keyof SnapshotFiguresForChange; label: string; kind: ChangeKind }[] = [
  { indicator: 'newMembersYearToDate', label: 'Đoàn viên kết nạp từ đầu năm', kind: 'COUNT' },
  { indicator: 'newGrassrootsUnionsYearToDate', label: 'CĐCS thành lập từ đầu năm', kind: 'COUNT' },
  { indicator: 'coveragePercent', label: 'Tỷ lệ doanh nghiệp từ 25 lao động có công đoàn (%)', kind: 'PERCENT' },
  { indicator: 'withUnion', label: 'Doanh nghiệp từ 25 lao động có công đoàn', kind: 'COUNT' },
  { indicator: 'openCases', label: 'Hồ sơ đang mở', kind: 'COUNT' },
  { indicator: 'overdueCases', label: 'Hồ sơ quá hạn', kind: 'COUNT' },
  { indicator: 'budgetSpent', label: 'Kinh phí đã chi (đồng)', kind: 'MONEY' },
];
const OFFICER_ROWS: { indicator: keyof OfficerFiguresForChange; label: string; kind: ChangeKind }[] = [
  { indicator: 'membersAdmitted', label: 'Đoàn viên kết nạp từ đầu năm', kind: 'COUNT' },
  { indicator: 'recognitions', label: 'CĐCS được công nhận từ đầu năm', kind: 'COUNT' },
  { indicator: 'openCases', label: 'Hồ sơ đang mở', kind: 'COUNT' },
  { indicator: 'overdueCases', label: 'Hồ sơ quá hạn', kind: 'COUNT' },
  { indicator: 'budgetSpent', label: 'Kinh phí đã chi (đồng)', kind: 'MONEY' },
];

const text = (v: unknown): string | null => (typeof v === 'number' || typeof v === 'string' ? String(v) : null);

function difference(kind: ChangeKind, previous: string | null, current: string | null): string | null {
  if (previous === null || current === null) return null;
  if (kind === 'MONEY') return (BigInt(current) - BigInt(previous)).toString();
  if (kind === 'PERCENT') return String(round2(Number(current) - Number(previous)));
  return String(Number(current) - Number(previous));
}

function rowsOf<T>(
  defs: { indicator: keyof T; label: string; kind: ChangeKind }[],
  prev: T | null,
  cur: T | null,
  who: { officerId: string | null; fullName: string | null },
): SnapshotChange[] {
  const out: SnapshotChange[] = [];
  for (const d of defs) {
    const previous = prev ? text(prev[d.indicator]) : null;
    const current = cur ? text(cur[d.indicator]) : null;
    // A budget row only where a budget was read in one of them.
    if (d.kind === 'MONEY' && previous === null && current === null) continue;
    out.push({ ...who, indicator: String(d.indicator), label: d.label, kind: d.kind, previous, current, change: difference(d.kind, previous, current) });
  }
  return out;
}

/**
 * The change from the previous held meeting's snapshot to this one's, indicator by indicator: the unit's rows, then
 * per officer (those of either snapshot, in this one's order, then those only in the previous one). Both are frozen,
 * so the change never moves either.
 */
export function snapshotChanges(
  prev: { unit: SnapshotFiguresForChange; officers: OfficerFiguresForChange[] } | null,
  cur: { unit: SnapshotFiguresForChange; officers: OfficerFiguresForChange[] },
): SnapshotChange[] {
  const out = rowsOf(UNIT_ROWS, prev?.unit ?? null, cur.unit, { officerId: null, fullName: null });
  const before = new Map((prev?.officers ?? []).map((o) => [o.officerId, o]));
  const seen = new Set<string>();
  for (const o of cur.officers) {
    seen.add(o.officerId);
    out.push(...rowsOf(OFFICER_ROWS, before.get(o.officerId) ?? null, o, { officerId: o.officerId, fullName: o.fullName }));
  }
  for (const o of prev?.officers ?? []) {
    if (!seen.has(o.officerId)) out.push(...rowsOf(OFFICER_ROWS, o, null, { officerId: o.officerId, fullName: o.fullName }));
  }
  return out;
}
