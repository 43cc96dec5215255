import { DataSource, EntityManager } from 'typeorm';
import { IsoDate, addDays, vnStartOfDay } from '@app/domain';
import { OPEN_STAGES_SQL } from '../common/open-stages.sql';
import { SqlParams } from '../common/sql-params';
import { CASES_AS_OF } from './cases-as-of.sql';
import { CLOSE_ROWS } from './close-rows.sql';
import { FigurePeriod } from './figure-types';

/**
 * Where the case figures of a period come from: the cases as they are now (a period still running),
 * each case replayed from its history (a period that is over), or a period close (PeriodCloseService)
 * that covers the period, read from its tally or its rows. `caseFigureSource` chooses; each source
 * writes the SQL FiguresService reads its cases through, adding its parameters to the statement's
 * SqlParams. `inScope` is a condition on `c`, a case with its org_unit_id.
 */
export interface CaseFigureSource {
  /** The day whose structure places the cases in a unit's subtree: the period's end, or today while it runs (docs/architecture.md#restructuring). */
  readonly scopeDay: IsoDate;
  /** Whether the rows carry the unit each case had on `scopeDay` already (a close froze it), so no move since is looked up. */
  readonly frozenUnits: boolean;
  /** An open case is late when due before this day: the day after the period's end once it is over, else today. */
  readonly lateBefore: IsoDate;
  /**
   * The cases to count, each row standing for `cases` of them: assignee_id, stage, `late` and, with
   * `entered`, `entered_since` (whether a RECOGNIZED or CLOSED case entered its stage in the period; else NULL).
   */
  counted(p: SqlParams, inScope: string, entered: boolean): string;
  /** The late cases, a row each: id, enterprise_id, assignee_id, stage, due_on. */
  late(p: SqlParams, inScope: string): string;
  /**
   * Whether a list reads `late` once (MATERIALIZED) or where it uses it: the second where an index
   * gives the late cases in due-day order, so that the list reads only the first of them.
   */
  readonly materializeLate: boolean;
  /** Who held the case `c` (a founding_case row) as the figures credit it: `assignee`, with what `join` adds to `c`. */
  heldBy(p: SqlParams): { join: string; assignee: string };
  /** Joins `c` (org_unit_id, assignee_id): the case `caseId` as the figures credit it, by primary key. */
  holder(p: SqlParams, caseId: string): string;
}

/** Whether a period close covers `period`: it ends on the close's day and starts within its window. */
async function isClosed(m: EntityManager | DataSource, period: FigurePeriod): Promise<boolean> {
  const rows = await m.query(`SELECT 1 FROM period_close WHERE closed_on = $1 AND window_from <= $2`, [period.end, period.start]);
  return rows.length > 0;
}

/**
 * Whether the period starts on a month's first day: then a close's tally (case_close_tally), which has
 * the month a case entered RECOGNIZED or CLOSED, tells whether it entered it in the period.
 */
function startsMonth(period: FigurePeriod): boolean {
  return period.start.endsWith('-01');
}

/**
 * Sources with a row per case (`rows`: id, enterprise_id, assignee_id, stage, due_on, entered_since),
 * which credit a case to its assignee as it is now.
 */
abstract class CaseRows implements CaseFigureSource {
  abstract readonly lateBefore: IsoDate;
  abstract readonly scopeDay: IsoDate;
  readonly frozenUnits: boolean = false;
  abstract readonly materializeLate: boolean;
  protected abstract rows(p: SqlParams, inScope: string, entered: boolean): string;

  counted(p: SqlParams, inScope: string, entered: boolean): string {
    return `SELECT st.assignee_id, st.stage, (st.stage IN ${OPEN_STAGES_SQL} AND st.due_on < ${p.add(this.lateBefore)}) AS late, st.entered_since, 1 AS cases
              FROM (${this.rows(p, inScope, entered)}) st`;
  }

  late(p: SqlParams, inScope: string): string {
    return `SELECT st.id, st.enterprise_id, st.assignee_id, st.stage, st.due_on FROM (${this.rows(p, inScope, false)}) st
             WHERE st.stage IN ${OPEN_STAGES_SQL} AND st.due_on < ${p.add(this.lateBefore)}`;
  }

  heldBy(_p: SqlParams): { join: string; assignee: string } {
    return { join: '', assignee: 'c.assignee_id' };
  }

  holder(_p: SqlParams, caseId: string): string {
    return `JOIN LATERAL (SELECT c.assignee_id, c.org_unit_id FROM founding_case c WHERE c.id = ${caseId} OFFSET 0) c ON true`;
  }
}

/** A period still running, or the cases now (`from` null: no `entered_since`). */
class LiveCases extends CaseRows {
  readonly materializeLate = true;
  get scopeDay(): IsoDate {
    return this.lateBefore;
  }

  constructor(
    readonly lateBefore: IsoDate,
    private readonly from: Date | null,
  ) {
    super();
  }

  protected rows(p: SqlParams, inScope: string, entered: boolean): string {
    const since = entered && this.from ? `c.stage_entered_at >= ${p.add(this.from)}` : 'NULL::boolean';
    return `SELECT c.id, c.enterprise_id, c.assignee_id, c.stage, c.stage_due_on AS due_on, ${since} AS entered_since FROM founding_case c WHERE ${inScope}`;
  }

  /** (not a case that entered its stage after the day: it was not late on it in that stage) */
  override late(p: SqlParams, inScope: string): string {
    return `SELECT c.id, c.enterprise_id, c.assignee_id, c.stage, c.stage_due_on AS due_on FROM founding_case c
             WHERE ${inScope} AND c.stage IN ${OPEN_STAGES_SQL} AND c.stage_due_on < ${p.add(this.lateBefore)}
               AND c.stage_entered_at < ${p.add(vnStartOfDay(addDays(this.lateBefore, 1)))}`;
  }
}

/** A period that is over and not closed: every case opened before its end, replayed from the history (CASES_AS_OF). */
class CasesAsOf extends CaseRows {
  readonly materializeLate = true;
  readonly lateBefore: IsoDate;
  readonly scopeDay: IsoDate;
  private readonly asOf: Date;
  private readonly from: Date;

  constructor(period: FigurePeriod) {
    super();
    this.lateBefore = addDays(period.end, 1);
    this.scopeDay = period.end;
    this.asOf = vnStartOfDay(this.lateBefore);
    this.from = vnStartOfDay(period.start);
  }

  protected rows(p: SqlParams, inScope: string, entered: boolean): string {
    // (without `from` the replay skips more cases: only the stage and due day are asked)
    return CASES_AS_OF(inScope, p.add(this.asOf), entered ? p.add(this.from) : undefined);
  }
}

/**
 * A period that ends on a closed day: the close's rows (CLOSE_ROWS). A closed period credits
 * recognitions and members, like the cases, to whom held the case at its end.
 */
class CloseRows extends CaseRows {
  // IDX_case_close_state_late gives a close's late cases in due-day order.
  readonly materializeLate = false;
  readonly lateBefore: IsoDate;
  readonly scopeDay: IsoDate;
  override readonly frozenUnits = true;

  constructor(protected readonly period: FigurePeriod) {
    super();
    this.lateBefore = addDays(period.end, 1);
    this.scopeDay = period.end;
  }

  protected rows(p: SqlParams, inScope: string, entered: boolean): string {
    return CLOSE_ROWS(inScope, p.add(this.period.end), entered ? p.add(vnStartOfDay(this.period.start)) : undefined);
  }

  override heldBy(p: SqlParams): { join: string; assignee: string } {
    // (`held` is the case's close row, joined by primary key)
    return {
      join: `LEFT JOIN LATERAL (SELECT held.case_id, held.assignee_id FROM case_close_state held
                                 WHERE held.closed_on = ${p.add(this.period.end)}::date AND held.case_id = c.id OFFSET 0) held ON true`,
      assignee: 'CASE WHEN held.case_id IS NULL THEN c.assignee_id ELSE held.assignee_id END',
    };
  }

  override holder(p: SqlParams, caseId: string): string {
    return `LEFT JOIN LATERAL (SELECT h.assignee_id, h.org_unit_id FROM case_close_state h WHERE h.closed_on = ${p.add(this.period.end)}::date AND h.case_id = ${caseId} OFFSET 0) h ON true
            LEFT JOIN LATERAL (SELECT c.assignee_id, c.org_unit_id FROM founding_case c WHERE h.org_unit_id IS NULL AND c.id = ${caseId} OFFSET 0) c0 ON true
            CROSS JOIN LATERAL (SELECT coalesce(h.org_unit_id, c0.org_unit_id) AS org_unit_id,
                                       CASE WHEN h.org_unit_id IS NULL THEN c0.assignee_id ELSE h.assignee_id END AS assignee_id) c`;
  }
}

/**
 * A closed period that starts on a month's first day: its cases counted from the close's tally
 * (CASE_CLOSE_TALLY_SQL), a few thousand rows instead of every case; lists read the close's rows.
 */
class CloseTally extends CloseRows {
  override counted(p: SqlParams, inScope: string, entered: boolean): string {
    const since = entered ? `c.entered_month >= ${p.add(this.period.start)}::date` : 'NULL::boolean';
    return `SELECT c.assignee_id, c.stage, c.late, ${since} AS entered_since, c.cases
              FROM case_close_tally c WHERE c.closed_on = ${p.add(this.period.end)}::date AND ${inScope}`;
  }
}

/**
 * The source of `period`'s case figures. A period still running is seen as of today; one that is
 * over, as of the end of its last day: from its close where there is one, else from the history.
 */
export async function caseFigureSource(m: EntityManager | DataSource, period: FigurePeriod, today: IsoDate): Promise<CaseFigureSource> {
  if (period.end >= today) return new LiveCases(today, vnStartOfDay(period.start));
  if (!(await isClosed(m, period))) return new CasesAsOf(period);
  return startsMonth(period) ? new CloseTally(period) : new CloseRows(period);
}

/** The cases as they are now, late at `day`. */
export function casesNow(day: IsoDate): CaseFigureSource {
  return new LiveCases(day, null);
}
