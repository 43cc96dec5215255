import type { ReturnBoardState, ReturnFigureValuesFragment, ReturnPeriodKind, ReturnStatus } from './generated/graphql';
import { RETURN_STATUS_LABEL_VI, RETURN_VERSION_ACTION_LABEL_VI } from '@app/domain/code-labels';
import { RETURN_INDICATORS, RETURN_INDICATOR_VI } from '@app/domain/statistics-return';
import { vnToday } from './i18n';

/** Vietnamese labels of the statistics returns (docs/architecture.md#statistics-returns), the form 1-HĐCĐ's columns. */

export type FigureKey = keyof ReturnFigureValuesFragment;

/**
 * The form's columns in its order, and their Vietnamese headings: the domain's (`libs/domain/src/statistics-return.ts`).
 * Not cast: an indicator the ReturnFigureValues fragment does not ask for fails the typecheck (it would show as "—").
 */
export const INDICATORS: readonly FigureKey[] = RETURN_INDICATORS;
export const INDICATOR_LABEL = RETURN_INDICATOR_VI as Readonly<Record<FigureKey, string>>;

export const RETURN_STATUS_LABEL: Readonly<Record<ReturnStatus, string>> = RETURN_STATUS_LABEL_VI;

export const BOARD_STATE_LABEL: Readonly<Record<ReturnBoardState, string>> = {
  NOT_SUBMITTED: 'Chưa gửi (chưa đến hạn)',
  MISSING: 'Chưa gửi, quá hạn',
  SUBMITTED: 'Đã gửi, chờ duyệt',
  SENT_BACK: 'Đã trả lại',
  ACCEPTED: 'Đã duyệt',
};

export const VERSION_ACTION_LABEL: Readonly<Record<string, string>> = RETURN_VERSION_ACTION_LABEL_VI;

export const KIND_LABEL: Readonly<Record<ReturnPeriodKind, string>> = { HALF_YEAR: '6 tháng', YEAR: 'Năm' };

export const periodLabel = (kind: ReturnPeriodKind, year: number): string => (kind === 'HALF_YEAR' ? `Báo cáo 6 tháng ${year}` : `Báo cáo năm ${year}`);

/** The latest period whose default reference day (31/5, 30/11) has passed: the one being reported now. */
export function currentPeriod(today = vnToday()): { kind: ReturnPeriodKind; year: number } {
  const y = Number(today.slice(0, 4));
  const md = today.slice(5);
  if (md > '11-30') return { kind: 'YEAR', year: y };
  if (md > '05-31') return { kind: 'HALF_YEAR', year: y };
  return { kind: 'YEAR', year: y - 1 };
}

/** The period in a page's query string (?ky=HALF_YEAR&nam=2026), else the current one. */
export function periodOf(query: URLSearchParams): { kind: ReturnPeriodKind; year: number } {
  const now = currentPeriod();
  const kind = query.get('ky');
  const year = Number(query.get('nam'));
  return { kind: kind === 'HALF_YEAR' || kind === 'YEAR' ? kind : now.kind, year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : now.year };
}

export const periodQuery = (p: { kind: ReturnPeriodKind; year: number }): string => `ky=${p.kind}&nam=${p.year}`;

/** 'MM-DD' → '31/05'. */
export { monthDayVi as monthDay } from '@app/domain/return-settings';

/** '31/05' (or 31/5, 31-5) → 'MM-DD'; anything else is passed on as typed, for the API to name. */
export function parseMonthDay(text: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})$/.exec(text.trim());
  return m ? `${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : text.trim();
}
