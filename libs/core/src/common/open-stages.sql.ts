import { OPEN_STAGES } from '@app/domain';

/** The open stages as a SQL list, `('SURVEY',…)`, for `stage IN ${OPEN_STAGES_SQL}`. Migrations keep frozen copies of it. */
export const OPEN_STAGES_SQL = `(${OPEN_STAGES.map((s) => `'${s}'`).join(',')})`;

/**
 * The one definition of an overdue case (on alias `c`, today as a placeholder): still in an open stage and past its due
 * day. The board's filter and the escalations page's count use it (docs/architecture.md#the-working-day-calendar-and-due-days).
 */
export const overdueCaseSql = (c: string, today: string) => `(${c}.stage IN ${OPEN_STAGES_SQL} AND ${c}.stage_due_on < ${today})`;
