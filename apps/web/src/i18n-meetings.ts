import type { ActionItemStatus, MonthlyMeetingRule, ReviewMeetingStatus, SnapshotChangeKind } from './generated/graphql';
import { ACTION_ITEM_STATUS_LABEL_VI, MEETING_STATUS_LABEL_VI } from '@app/domain/code-labels';
import { fmtDecimal, fmtNumber } from './i18n';

// The review meetings' words (docs/architecture.md#review-meetings).

export const MEETINGS_PATH = '/giao-ban';

export const MEETING_STATUS_LABEL: Readonly<Record<ReviewMeetingStatus, string>> = MEETING_STATUS_LABEL_VI;

export const ACTION_ITEM_STATUS_LABEL: Readonly<Record<ActionItemStatus, string>> = ACTION_ITEM_STATUS_LABEL_VI;

export const MONTHLY_RULE_LABEL: Readonly<Record<MonthlyMeetingRule, string>> = {
  DAY_OF_MONTH: 'Một ngày cố định trong tháng',
  FIRST_WORKING_DAY: 'Ngày làm việc đầu tiên của tháng',
  LAST_WORKING_DAY: 'Ngày làm việc cuối cùng của tháng',
};

/** Whole đồng given as decimal digits (never a float): "1.250.000 đ". */
export function fmtMoney(digits: string | null | undefined): string {
  if (digits == null || !/^-?\d+$/.test(digits)) return '—';
  const neg = digits.startsWith('-');
  const body = (neg ? digits.slice(1) : digits).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${neg ? '-' : ''}${body} đ`;
}

/** A value of the change table, read as its kind says. */
export function fmtChangeValue(kind: SnapshotChangeKind, v: string | null | undefined): string {
  if (v == null) return '—';
  if (kind === 'MONEY') return fmtMoney(v);
  if (kind === 'PERCENT') return `${fmtDecimal(Number(v))}%`;
  return fmtNumber(Number(v));
}

/** The change with its sign: "+3", "−2", "0". */
export function fmtChange(kind: SnapshotChangeKind, v: string | null | undefined): string {
  if (v == null) return '—';
  const n = kind === 'MONEY' ? (v.startsWith('-') ? -1 : v === '0' ? 0 : 1) : Number(v);
  const abs = v.replace(/^-/, '');
  const text = fmtChangeValue(kind, abs);
  return n > 0 ? `+${text}` : n < 0 ? `−${text}` : text;
}
