import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import {
  ALL_STAGES, CaseStage, CoverageProgress, DayRange, FOCUS_WORKER_THRESHOLD, IsoDate, TargetProgress, addDays, coverage, isoDateParts, nextMonthStart,
  splitIntoYears, vnStartOfDay,
} from '@app/domain';
import { subtreeLike } from '../common/actor';
import { OPEN_STAGES_SQL } from '../common/open-stages.sql';
import { SqlParams } from '../common/sql-params';

export interface StageCount { stage: CaseStage; count: number; overdue: number }

export interface Figures {
  newMembers: TargetProgress;
  newGrassrootsUnions: TargetProgress;
  coverage: CoverageProgress;
  stages: StageCount[];
}

export interface OfficerFigures {
  officerId: string; fullName: string; cases: number; openCases: number; overdueCases: number; recognitions: number; membersAdmitted: number;
  targetMembers: number | null; targetGrassrootsUnions: number | null;
}
export interface OfficerCaseCount { assigneeId: string; cases: number; openCases: number; overdueCases: number }
export interface GrassrootsFigures { unitId: string; name: string; membersAdmitted: number; membersAtEnd: number; recognizedOn: string | null }
export interface OverdueCase {
  caseId: string; enterpriseName: string; taxCode: string; stage: CaseStage; stageDueOn: string; assigneeName: string | null; daysLate: number | null;
}

export interface ScopeUnit { id: string; path: string }
export interface FigurePeriod { start: IsoDate; end: IsoDate }

const SCOPE = (pathParam: string, likeParam: string) => `(SELECT id FROM org_unit WHERE path = ${pathParam} OR path LIKE ${likeParam})`;

/**
 * How close to an instant a stage entry must be for the history to decide which side of it the entry
 * fell on: stage_entered_at is the application's clock, case_transition.at the database's (its
 * transaction start, so normally a little earlier).
 */
const CLOCK_MARGIN = `interval '1 day'`;

/**
 * Each case of the scope (`inScope`, a condition on `c`) opened before the instant `asOf`, with its
 * stage and due day at that instant (the last step of the history before it); assignee as it is now.
 * With `from`, `entered_since` tells whether a RECOGNIZED or CLOSED case entered that stage at or
 * after `from`; `entered_at` is when it entered its stage (by the history wherever that decides
 * `entered_since`, else the case's own stage_entered_at).
 *
 * Only cases whose stage changed near or after `asOf` are replayed from the history. The others are
 * seen as they are now, which is the same answer: every change of stage or due day (advance, close,
 * reopen) enters a stage and writes stage_entered_at, and every write of a case writes a history row
 * with the case's new stage and due day (record*, assign keep both), so after the last stage entry
 * the history repeats the current stage and due day (a calendar edit that moves due days rewrites the
 * current entry's history with them, DueDaysService). A case still in the SURVEY it was opened in
 * (stage_entry 1) has at most record steps: SURVEY with its first due day. A RECOGNIZED or CLOSED case
 * that entered it well before `from` entered it before `from` by the history too.
 * Everything read from founding_case is in IDX_founding_case_as_of (by opened_at).
 */
export const CASES_AS_OF = (inScope: string, asOf: string, from?: string) => {
  const unchanged = `(c.stage = 'SURVEY' AND c.stage_entry = 1)`;
  const terminalBefore = from ? ` AND (c.stage IN ${OPEN_STAGES_SQL} OR c.stage_entered_at < ${from}::timestamptz - ${CLOCK_MARGIN})` : '';
  const current = `(${unchanged} OR c.stage_entered_at < ${asOf}::timestamptz - ${CLOCK_MARGIN}${terminalBefore})`;
  // One pass over the cases; the history is read (one index probe) only where `current` is false.
  // (The OFFSET 0 subqueries are not flattened: `current`, and then each case's stage and due day, are computed once a case.)
  return `
  SELECT c.id, c.org_unit_id, c.enterprise_id, c.assignee_id,
         CASE WHEN c.current THEN c.stage ELSE coalesce(t.to_stage, 'SURVEY') END AS stage,
         ${from
           ? `CASE WHEN c.current THEN (CASE WHEN c.stage IN ${OPEN_STAGES_SQL} THEN NULL ELSE false END) ELSE coalesce(t.at, c.opened_at) >= ${from} END`
           : 'NULL::boolean'} AS entered_since,
         CASE WHEN c.current THEN c.stage_entered_at ELSE coalesce(t.at, c.opened_at) END AS entered_at,
         CASE WHEN c.unchanged THEN c.opened_due_on WHEN c.current THEN c.stage_due_on WHEN t.case_id IS NULL THEN c.opened_due_on ELSE t.stage_due_on END AS due_on
    FROM (SELECT c.id, c.org_unit_id, c.enterprise_id, c.assignee_id, c.stage, c.stage_due_on, c.opened_due_on, c.opened_at, c.stage_entered_at,
                 ${unchanged} AS unchanged, ${current} AS current
            FROM founding_case c WHERE ${inScope} AND c.opened_at < ${asOf} OFFSET 0) c
    LEFT JOIN LATERAL (SELECT x.case_id, x.to_stage, x.stage_due_on, x.at FROM case_transition x
                        WHERE NOT c.current AND x.case_id = c.id AND x.at < ${asOf} ORDER BY x.version DESC LIMIT 1) t ON true
  OFFSET 0`;
};

/**
 * CASES_AS_OF read from a period close (PeriodCloseService): the same rows, from the close alone (it
 * keeps every case opened before its end, with the case's unit and enterprise, fixed at opening),
 * except that the assignee is the one the case had at the close: a closed period credits each officer
 * with the cases they held at its end, however the cases are reassigned later. `inScope` is a
 * condition on `c` as for CASES_AS_OF.
 */
const CLOSE_ROWS = (inScope: string, closedOn: string, from?: string) => `
  SELECT c.case_id AS id, c.org_unit_id, c.enterprise_id, c.assignee_id, c.stage, ${from ? `c.entered_at >= ${from}` : 'NULL::boolean'} AS entered_since, c.due_on
    FROM case_close_state c WHERE c.closed_on = ${closedOn}::date AND ${inScope}`;

/** `col` (a date) in one of the ranges. */
function inRanges(p: Pick<SqlParams, 'add'>, col: string, ranges: DayRange[]): string {
  return `(${ranges.map((d) => `${col} BETWEEN ${p.add(d.from)}::date AND ${p.add(d.to)}::date`).join(' OR ')})`;
}

/**
 * Whether the period starts on a month's first day: then a close's tally (case_close_tally), which has
 * the month a case entered RECOGNIZED or CLOSED, tells whether it entered it in the period.
 */
function startsMonth(period: FigurePeriod): boolean {
  return period.start.endsWith('-01');
}

/** A period still running is seen as of today; one that is over, as of the end of its last day. */
function isOver(period: FigurePeriod, today: IsoDate): boolean {
  return period.end < today;
}

/**
 * The figures of a unit's subtree for a period, as SQL aggregates. `pipeline` and the reports
 * both call these functions, so they cannot disagree. A member counts on its admission day,
 * a CĐCS on its recognition decision day (calendar days in Asia/Ho_Chi_Minh).
 */
@Injectable()
export class FiguresService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async figures(unit: ScopeUnit, period: FigurePeriod, today: IsoDate, m: EntityManager | DataSource = this.db): Promise<Figures> {
    const parts = this.summaryParts(unit, period, today);
    // In a transaction all queries share one connection, which runs them one at a time anyway
    // (and pg refuses concurrent queries on a client); from the pool they run side by side.
    const inTransaction = m instanceof EntityManager && !!m.queryRunner;
    const results: unknown[] = [];
    if (inTransaction) for (const part of parts) results.push(await part(m));
    else results.push(...(await Promise.all(parts.map((part) => part(m)))));
    return this.summaryOf(results);
  }

  /**
   * Everything a report shows (the summary, per officer, per CĐCS, the overdue list) as of one snapshot of
   * the database, its statements spread over `connections` connections that share that snapshot
   * (pg_export_snapshot): the sheets agree with each other, and the build takes the longest statement's
   * time rather than their sum.
   */
  async reportFigures(
    unit: ScopeUnit, period: FigurePeriod, today: IsoDate, onProgress: (done: number, of: number) => unknown = () => undefined, connections = 3,
  ): Promise<{ summary: Figures; byOfficer: OfficerFigures[]; byGrassroots: GrassrootsFigures[]; overdueCaseList: OverdueCase[] }> {
    const summary = this.summaryParts(unit, period, today);
    // The slowest first, so that no connection is left with a long statement at the end; the rest of
    // byOfficer last, as it needs the officers' case counts (the tasks start in this order).
    let counts!: Promise<OfficerCaseCount[]>;
    const tasks: ((m: EntityManager) => Promise<unknown>)[] = [
      (m) => (counts = this.officerCaseCounts(m, unit, period, today)),
      (m) => this.byGrassroots(m, unit, period),
      (m) => this.overdueCasesOf(m, unit, period, today),
      ...summary,
      async (m) => this.byOfficer(m, unit, period, today, await counts),
    ];
    const results = await this.inOneSnapshot(tasks, connections, onProgress);
    return {
      summary: this.summaryOf(results.slice(3, 3 + summary.length)),
      byOfficer: results[tasks.length - 1] as OfficerFigures[],
      byGrassroots: results[1] as GrassrootsFigures[],
      overdueCaseList: results[2] as OverdueCase[],
    };
  }

  /** Runs `tasks` on up to `connections` REPEATABLE READ transactions that all see the first one's snapshot; read-only, rolled back. */
  private async inOneSnapshot(tasks: ((m: EntityManager) => Promise<unknown>)[], connections: number, onDone: (done: number, of: number) => unknown): Promise<unknown[]> {
    const runners: QueryRunner[] = [];
    try {
      const lead = this.db.createQueryRunner();
      runners.push(lead);
      await lead.startTransaction('REPEATABLE READ');
      const [{ id }] = await lead.query(`SELECT pg_export_snapshot() AS id`);
      if (!/^[0-9A-F-]+$/i.test(id)) throw new Error(`Unexpected snapshot id ${id}`);
      // The statements run side by side already: Postgres's own parallel workers would only compete with them.
      await lead.query(`SET LOCAL max_parallel_workers_per_gather = 0`);
      for (let i = 1; i < Math.min(connections, tasks.length); i++) {
        const qr = this.db.createQueryRunner();
        runners.push(qr);
        await qr.startTransaction('REPEATABLE READ');
        await qr.query(`SET TRANSACTION SNAPSHOT '${id}'`);
        await qr.query(`SET LOCAL max_parallel_workers_per_gather = 0`);
      }
      const results: unknown[] = new Array(tasks.length);
      let next = 0;
      let done = 0;
      let failed = false;
      const settled = await Promise.allSettled(
        runners.map(async (qr) => {
          while (!failed && next < tasks.length) {
            const i = next++;
            try {
              results[i] = await tasks[i](qr.manager);
            } catch (e) {
              failed = true;
              throw e;
            }
            await onDone(++done, tasks.length);
          }
        }),
      );
      const error = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (error) throw error.reason;
      return results;
    } finally {
      for (const qr of runners) {
        if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
        await qr.release();
      }
    }
  }

  private summaryParts(unit: ScopeUnit, period: FigurePeriod, today: IsoDate) {
    return [
      (m: EntityManager | DataSource) => this.target(m, unit.id, Number(period.start.slice(0, 4))),
      (m: EntityManager | DataSource) => this.newMembers(m, unit, period),
      (m: EntityManager | DataSource) => this.newGrassrootsUnions(m, unit, period),
      (m: EntityManager | DataSource) => this.coverageCounts(m, unit, period.end),
      (m: EntityManager | DataSource) => this.stages(m, unit, period, today),
    ];
  }

  /** The summary from summaryParts' results, in their order. */
  private summaryOf(results: unknown[]): Figures {
    const [target, newMembers, newUnions, cov, stages] = results as [
      Awaited<ReturnType<FiguresService['target']>>, number, number, { total: number; withUnion: number }, StageCount[],
    ];
    return {
      newMembers: { target: target?.new_members ?? null, actual: newMembers },
      newGrassrootsUnions: { target: target?.new_grassroots_unions ?? null, actual: newUnions },
      coverage: coverage(cov.total, cov.withUnion, target?.coverage_percent === null || target?.coverage_percent === undefined ? null : Number(target.coverage_percent)),
      stages,
    };
  }

  /** Whether a period close (PeriodCloseService) covers `period`: it ends on the close's day and starts within its window. */
  private async closed(m: EntityManager | DataSource, period: FigurePeriod): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM period_close WHERE closed_on = $1 AND window_from <= $2`, [period.end, period.start]);
    return rows.length > 0;
  }

  private async target(m: EntityManager | DataSource, unitId: string, year: number) {
    const [t] = await m.query(
      `SELECT new_members, new_grassroots_unions, coverage_percent FROM target WHERE year = $1 AND org_unit_id = $2 AND officer_id IS NULL`,
      [year, unitId],
    );
    return t as { new_members: number | null; new_grassroots_unions: number | null; coverage_percent: string | null } | undefined;
  }

  async newMembers(m: EntityManager | DataSource, unit: ScopeUnit, period: FigurePeriod): Promise<number> {
    const { years, months, days } = splitIntoYears(period.start, period.end);
    if (!years && !months.length && !days.length) return 0; // an empty period (end before start)
    const p = new SqlParams();
    const scope = SCOPE(p.add(unit.path), p.add(subtreeLike(unit.path)));
    const parts: string[] = [];
    if (years) {
      parts.push(`(SELECT coalesce(sum(my.admitted), 0) FROM member_year my
                    WHERE ${inRanges(p, 'my.year', [years])} AND my.grassroots_union_id IN ${scope})`);
    }
    if (months.length) {
      parts.push(`(SELECT coalesce(sum(mm.admitted), 0) FROM member_month mm WHERE ${inRanges(p, 'mm.month', months)} AND mm.grassroots_union_id IN ${scope})`);
    }
    if (days.length) parts.push(`(SELECT count(*) FROM member m WHERE ${inRanges(p, 'm.admitted_on', days)} AND m.grassroots_union_id IN ${scope})`);
    const [r] = await m.query(`SELECT (${parts.join(' + ')})::int AS n`, p.values);
    return r.n;
  }

  async newGrassrootsUnions(m: EntityManager | DataSource, unit: ScopeUnit, period: FigurePeriod): Promise<number> {
    const [r] = await m.query(
      `SELECT count(*)::int AS n FROM founding_case c
        WHERE c.recognized_on BETWEEN $1 AND $2 AND c.org_unit_id IN ${SCOPE('$3', '$4')}`,
      [period.start, period.end, unit.path, subtreeLike(unit.path)],
    );
    return r.n;
  }

  /**
   * Enterprises with ≥25 workers; a union at `day` per the register, or per a recognition dated on or before it.
   * Counted as: the register's unions (enterprise_tally: a row per unit, kept by triggers), corrected
   * for the few enterprises with a recognition, where the recognition day decides instead.
   */
  async coverageCounts(m: EntityManager | DataSource, unit: ScopeUnit, day: IsoDate): Promise<{ total: number; withUnion: number }> {
    // (the tally's threshold is the same, written into its trigger)
    const focus = `e.worker_count >= ${Number(FOCUS_WORKER_THRESHOLD)}`;
    const [r] = await m.query(
      `WITH rc AS (SELECT c.enterprise_id, min(c.recognized_on) AS recognized_on FROM founding_case c
                    WHERE c.recognized_on IS NOT NULL AND c.org_unit_id IN ${SCOPE('$2', '$3')} GROUP BY c.enterprise_id),
       -- (the scope's units as keys of the tally's primary key)
       reg AS (SELECT coalesce(sum(t.focus), 0)::int AS total, coalesce(sum(t.focus_with_union), 0)::int AS with_union FROM enterprise_tally t
                WHERE t.org_unit_id = ANY (ARRAY${SCOPE('$2', '$3')})),
       -- (the enterprises by primary key: there are few recognitions, a hash join would read every enterprise)
       fix AS (SELECT coalesce(sum((rc.recognized_on <= $1)::int - e.has_union::int), 0)::int AS d FROM rc
                 JOIN LATERAL (SELECT e.has_union, e.org_unit_id FROM enterprise e WHERE e.id = rc.enterprise_id AND ${focus} OFFSET 0) e ON true
                WHERE e.org_unit_id IN ${SCOPE('$2', '$3')})
       SELECT reg.total, reg.with_union + fix.d AS with_union FROM reg, fix`,
      [day, unit.path, subtreeLike(unit.path)],
    );
    return { total: r.total, withUnion: r.with_union };
  }

  /**
   * The pipeline by stage at the period's end (or now, for a period not yet over): open cases by
   * stage with those past their due day, and the cases that became RECOGNIZED or CLOSED in the period.
   */
  async stages(m: EntityManager | DataSource, unit: ScopeUnit, period: FigurePeriod, today: IsoDate): Promise<StageCount[]> {
    const from = vnStartOfDay(period.start);
    const params = [unit.path, subtreeLike(unit.path), from];
    let rows: { stage: CaseStage; count: number; overdue: number }[];
    if (!isOver(period, today)) {
      rows = await m.query(
        `SELECT c.stage, count(*)::int AS count,
                count(*) FILTER (WHERE c.stage IN ${OPEN_STAGES_SQL} AND c.stage_due_on < $4)::int AS overdue
           FROM founding_case c
          WHERE c.org_unit_id IN ${SCOPE('$1', '$2')} AND (c.stage IN ${OPEN_STAGES_SQL} OR c.stage_entered_at >= $3)
          GROUP BY c.stage`,
        [...params, today],
      );
    } else {
      const asOf = vnStartOfDay(addDays(period.end, 1));
      // The last step before the period's end gives the stage and its due day (from its close, else from the history).
      const closed = await this.closed(m, period);
      if (closed && startsMonth(period)) {
        rows = await m.query(
          `SELECT c.stage, sum(c.cases)::int AS count, coalesce(sum(c.cases) FILTER (WHERE c.late), 0)::int AS overdue FROM case_close_tally c
            WHERE c.closed_on = $3::date AND c.org_unit_id IN ${SCOPE('$1', '$2')} AND (c.stage IN ${OPEN_STAGES_SQL} OR c.entered_month >= $4::date)
            GROUP BY c.stage`,
          [unit.path, subtreeLike(unit.path), period.end, period.start],
        );
      } else {
        rows = await m.query(
          `WITH st AS (${closed ? CLOSE_ROWS(`c.org_unit_id IN ${SCOPE('$1', '$2')}`, '$4', '$3') : CASES_AS_OF(`c.org_unit_id IN ${SCOPE('$1', '$2')}`, '$5', '$3')})
           SELECT stage, count(*)::int AS count,
                  count(*) FILTER (WHERE stage IN ${OPEN_STAGES_SQL} AND due_on <= $4)::int AS overdue
             FROM st WHERE stage IN ${OPEN_STAGES_SQL} OR entered_since GROUP BY stage`,
          [...params, period.end, ...(closed ? [] : [asOf])],
        );
      }
    }
    const byStage = new Map(rows.map((r) => [r.stage, r]));
    return ALL_STAGES.map((stage) => ({ stage, count: byStage.get(stage)?.count ?? 0, overdue: byStage.get(stage)?.overdue ?? 0 }));
  }

  /** Per assignee: cases, open ones and those past their due day (as of the period's end once it is over, like `stages`). */
  async officerCaseCounts(m: EntityManager | DataSource, unit: ScopeUnit, period: FigurePeriod, today: IsoDate): Promise<OfficerCaseCount[]> {
    const inScope = `c.org_unit_id IN ${SCOPE('$1', '$2')}`;
    let cases = `SELECT c.assignee_id, c.stage, c.stage_due_on AS due_on FROM founding_case c WHERE ${inScope}`;
    const params: unknown[] = [unit.path, subtreeLike(unit.path), isOver(period, today) ? addDays(period.end, 1) : today];
    if (isOver(period, today)) {
      const closed = await this.closed(m, period);
      if (closed && startsMonth(period)) {
        return m.query(
          `SELECT c.assignee_id AS "assigneeId", sum(c.cases)::int AS cases, coalesce(sum(c.cases) FILTER (WHERE c.stage IN ${OPEN_STAGES_SQL}), 0)::int AS "openCases",
                  coalesce(sum(c.cases) FILTER (WHERE c.late), 0)::int AS "overdueCases"
             FROM case_close_tally c WHERE c.closed_on = $3::date AND ${inScope} AND c.assignee_id IS NOT NULL GROUP BY c.assignee_id`,
          [unit.path, subtreeLike(unit.path), period.end],
        );
      }
      params.push(closed ? period.end : vnStartOfDay(params[2] as IsoDate));
      cases = closed ? CLOSE_ROWS(inScope, '$4') : CASES_AS_OF(inScope, '$4');
    }
    return m.query(
      `WITH c AS (${cases})
       SELECT c.assignee_id AS "assigneeId", count(*)::int AS cases, count(*) FILTER (WHERE c.stage IN ${OPEN_STAGES_SQL})::int AS "openCases",
              count(*) FILTER (WHERE c.stage IN ${OPEN_STAGES_SQL} AND c.due_on < $3)::int AS "overdueCases"
         FROM c WHERE c.assignee_id IS NOT NULL GROUP BY c.assignee_id`,
      params,
    );
  }

  /**
   * Per officer: cases, open and overdue ones (officerCaseCounts, or `counts` when read already),
   * recognitions and members admitted in the period, and the officer's targets for the year.
   */
  async byOfficer(m: EntityManager | DataSource, unit: ScopeUnit, period: FigurePeriod, today: IsoDate, counts?: OfficerCaseCount[]): Promise<OfficerFigures[]> {
    counts ??= await this.officerCaseCounts(m, unit, period, today);
    const params: unknown[] = [unit.path, subtreeLike(unit.path), period.start, period.end, Number(period.start.slice(0, 4)), JSON.stringify(counts.map((c) => ({ assignee_id: c.assigneeId, cases: c.cases, open_cases: c.openCases, overdue_cases: c.overdueCases })))];
    const p = { values: params, add: (v: unknown) => `$${params.push(v)}` };
    // A closed period credits recognitions and members, like the cases, to whom held the case at its end.
    const closed = isOver(period, today) && (await this.closed(m, period));
    // (`held` is the case's close row, joined by primary key where the period is closed)
    const held = closed ? `LEFT JOIN LATERAL (SELECT held.case_id, held.assignee_id FROM case_close_state held WHERE held.closed_on = $4::date AND held.case_id = c.id OFFSET 0) held ON true` : '';
    const heldBy = closed ? `CASE WHEN held.case_id IS NULL THEN c.assignee_id ELSE held.assignee_id END` : 'c.assignee_id';
    const { years, months, days } = splitIntoYears(period.start, period.end);
    const caseMembers = [
      ...(years ? [`SELECT cy.case_id, sum(cy.admitted) AS n FROM case_member_year cy WHERE ${inRanges(p, 'cy.year', [years])} GROUP BY cy.case_id`] : []),
      ...(months.length ? [`SELECT cm.case_id, sum(cm.admitted) AS n FROM case_member_month cm WHERE ${inRanges(p, 'cm.month', months)} GROUP BY cm.case_id`] : []),
      ...(days.length ? [`SELECT m.case_id, count(*) AS n FROM member m WHERE m.case_id IS NOT NULL AND ${inRanges(p, 'm.admitted_on', days)} GROUP BY m.case_id`] : []),
    ].join(' UNION ALL ') || 'SELECT NULL::uuid AS case_id, 0::bigint AS n WHERE false';
    return m.query(
      `WITH scope AS ${SCOPE('$1', '$2')},
       cs AS (SELECT x.assignee_id, x.cases, x.open_cases, x.overdue_cases
                FROM jsonb_to_recordset($6::jsonb) AS x(assignee_id uuid, cases int, open_cases int, overdue_cases int)),
       -- Recognitions count by decision day, like newGrassrootsUnions, whatever the history says.
       rs AS (SELECT c.assignee_id, count(*)::int AS recognitions
                FROM (SELECT ${heldBy} AS assignee_id FROM founding_case c ${held}
                       WHERE c.recognized_on BETWEEN $3 AND $4 AND c.org_unit_id IN (SELECT id FROM scope)) c
               WHERE c.assignee_id IS NOT NULL GROUP BY c.assignee_id),
       -- Members admitted on each case: whole years and months from their tallies, edge days from member.
       -- (the cases by primary key: few cases have members, a hash join would read every case)
       ms AS (SELECT c.assignee_id, sum(x.n)::int AS members FROM (${caseMembers}) x
                ${closed
                  ? `LEFT JOIN LATERAL (SELECT h.assignee_id, h.org_unit_id FROM case_close_state h WHERE h.closed_on = $4::date AND h.case_id = x.case_id OFFSET 0) h ON true
                     LEFT JOIN LATERAL (SELECT c.assignee_id, c.org_unit_id FROM founding_case c WHERE h.org_unit_id IS NULL AND c.id = x.case_id OFFSET 0) c0 ON true
                     CROSS JOIN LATERAL (SELECT coalesce(h.org_unit_id, c0.org_unit_id) AS org_unit_id,
                                                CASE WHEN h.org_unit_id IS NULL THEN c0.assignee_id ELSE h.assignee_id END AS assignee_id) c`
                  : 'JOIN LATERAL (SELECT c.assignee_id, c.org_unit_id FROM founding_case c WHERE c.id = x.case_id OFFSET 0) c ON true'}
               WHERE c.org_unit_id IN (SELECT id FROM scope) AND c.assignee_id IS NOT NULL GROUP BY c.assignee_id HAVING sum(x.n) > 0)
       SELECT u.id AS "officerId", u.full_name AS "fullName", coalesce(cs.cases, 0) AS cases, coalesce(cs.open_cases, 0) AS "openCases",
              coalesce(cs.overdue_cases, 0) AS "overdueCases", coalesce(rs.recognitions, 0) AS recognitions,
              coalesce(ms.members, 0) AS "membersAdmitted", t.new_members AS "targetMembers", t.new_grassroots_unions AS "targetGrassrootsUnions"
         FROM app_user u
         LEFT JOIN cs ON cs.assignee_id = u.id
         LEFT JOIN rs ON rs.assignee_id = u.id
         LEFT JOIN ms ON ms.assignee_id = u.id
         LEFT JOIN target t ON t.officer_id = u.id AND t.year = $5
        WHERE u.role IN ('OFFICER','SUPERVISOR')
          AND (u.org_unit_id IN (SELECT id FROM scope) AND u.role = 'OFFICER' OR cs.cases IS NOT NULL OR rs.recognitions IS NOT NULL OR ms.members IS NOT NULL)
        ORDER BY u.full_name, u.id`,
      params,
    );
  }

  /**
   * Per CĐCS of the subtree: members admitted in the period and members at its end. Whole years and
   * months come from member_year and member_month; members at the end are the union's total minus what
   * came after the end (one row a year, a row a month for the rest of the end's year); the days of a
   * partial month are counted from `member`.
   */
  async byGrassroots(m: EntityManager | DataSource, unit: ScopeUnit, period: FigurePeriod): Promise<GrassrootsFigures[]> {
    const p = new SqlParams();
    const path = p.add(unit.path);
    const like = p.add(subtreeLike(unit.path));
    const { years, months, days } = splitIntoYears(period.start, period.end);
    // After the end: the years from the next one on, the months left in the end's year, the days left in its month.
    const [endYear] = isoDateParts(period.end);
    const nextYear = `${endYear + 1}-01-01`;
    const nextMonth = nextMonthStart(period.end);
    const afterMonths: DayRange[] = nextMonth < nextYear ? [{ from: nextMonth, to: `${endYear}-12-31` }] : [];
    const tail: DayRange[] = period.end < addDays(nextMonth, -1) ? [{ from: addDays(period.end, 1), to: addDays(nextMonth, -1) }] : [];
    const ctes = [`g AS (SELECT o.id, o.name FROM org_unit o WHERE o.kind = 'GRASSROOTS' AND (o.path = ${path} OR o.path LIKE ${like}))`];
    const joins: string[] = [];
    const admitted: string[] = [];
    const after: string[] = [];
    /** A tally table per union: admissions where `adm` holds (in the period), net members where `aft` holds (after the end). */
    const part = (name: string, table: string, adm: string | null, aft: string | null) => {
      if (!adm && !aft) return;
      ctes.push(`${name} AS (SELECT x.grassroots_union_id AS id,
                   ${adm ? `sum(x.admitted) FILTER (WHERE ${adm})` : '0'} AS admitted,
                   ${aft ? `sum(x.admitted - x.gone) FILTER (WHERE ${aft})` : '0'} AS after
              FROM ${table} x WHERE (${[adm, aft].filter(Boolean).join(' OR ')}) AND x.grassroots_union_id IN (SELECT id FROM g) GROUP BY x.grassroots_union_id)`);
      joins.push(`LEFT JOIN ${name} ON ${name}.id = g.id`);
      admitted.push(`coalesce(${name}.admitted, 0)`);
      after.push(`coalesce(${name}.after, 0)`);
    };
    part('my', 'member_year', years ? inRanges(p, 'x.year', [years]) : null, `x.year >= ${p.add(nextYear)}::date`);
    part('mm', 'member_month', months.length ? inRanges(p, 'x.month', months) : null, afterMonths.length ? inRanges(p, 'x.month', afterMonths) : null);
    if (days.length || tail.length) {
      const inDays = days.length ? inRanges(p, 'm.admitted_on', days) : 'false';
      const inTail = tail.length ? inRanges(p, 'm.admitted_on', tail) : 'false';
      ctes.push(`md AS (SELECT m.grassroots_union_id AS id, count(*) FILTER (WHERE ${inDays}) AS admitted, count(*) FILTER (WHERE ${inTail}) AS after
                 FROM member m WHERE (${inDays} OR ${inTail}) AND m.grassroots_union_id IN (SELECT id FROM g) GROUP BY m.grassroots_union_id)`);
      joins.push('LEFT JOIN md ON md.id = g.id');
      admitted.push('coalesce(md.admitted, 0)');
      after.push('coalesce(md.after, 0)');
    }
    if (tail.length) {
      // Gone in the tail days: a member at the end, no longer one now (counted in the total's `gone`).
      ctes.push(`mg AS (SELECT m.grassroots_union_id AS id, count(*) AS gone FROM member m
                 WHERE m.left_on IS NOT NULL AND greatest(m.admitted_on, m.left_on) BETWEEN ${p.add(tail[0].from)}::date AND ${p.add(tail[0].to)}::date
                   AND m.grassroots_union_id IN (SELECT id FROM g) GROUP BY m.grassroots_union_id)`);
      joins.push('LEFT JOIN mg ON mg.id = g.id');
      after.push('- coalesce(mg.gone, 0)');
    }
    return m.query(
      `WITH ${ctes.join(',\n')}
       SELECT g.id AS "unitId", g.name, (0 ${admitted.map((x) => `+ ${x}`).join(' ')})::int AS "membersAdmitted",
              (coalesce(t.admitted - t.gone, 0) - (0 ${after.map((x) => (x.startsWith('- ') ? x : `+ ${x}`)).join(' ')}))::int AS "membersAtEnd",
              (SELECT to_char(c.recognized_on, 'YYYY-MM-DD') FROM founding_case c WHERE c.grassroots_union_id = g.id LIMIT 1) AS "recognizedOn"
         FROM g LEFT JOIN member_total t ON t.grassroots_union_id = g.id
         ${joins.join('\n         ')}
        ORDER BY g.name, g.id`,
      p.values,
    );
  }

  /**
   * The open cases past their due day for a report of `period`: as of the end of its last day once it
   * is over (stage and due day replayed from the history, as `stages` counts them), else as of today.
   */
  async overdueCasesOf(m: EntityManager | DataSource, unit: ScopeUnit, period: FigurePeriod, today: IsoDate, limit = 5000): Promise<OverdueCase[]> {
    if (!isOver(period, today)) return this.overdueCases(m, unit, today, limit);
    const asOfDay = addDays(period.end, 1);
    const closed = await this.closed(m, period);
    // Thousands of cases may be late: only those up to the `limit`-th due day are joined to their
    // enterprise (for the name that orders equal due days) and assignee.
    const inScope = `c.org_unit_id IN ${SCOPE('$1', '$2')}`;
    const offset = Math.max(1, Math.floor(limit)) - 1;
    // From a close, the late cases come in due-day order from IDX_case_close_state_late: the cut and the
    // rows up to it read the first `limit` or so of them, not all.
    const top = closed
      ? `late AS NOT MATERIALIZED (SELECT c.case_id AS id, c.enterprise_id, c.assignee_id, c.stage, c.due_on FROM case_close_state c
                    WHERE c.closed_on = $4::date AND c.stage IN ${OPEN_STAGES_SQL} AND c.due_on < $3 AND ${inScope}),
         top AS MATERIALIZED (SELECT late.* FROM late
                               WHERE late.due_on <= coalesce((SELECT late.due_on FROM late ORDER BY late.due_on OFFSET ${offset} LIMIT 1), 'infinity'::date))`
      : `st AS (${CASES_AS_OF(inScope, '$4')}),
         late AS MATERIALIZED (SELECT st.id, st.enterprise_id, st.assignee_id, st.stage, st.due_on FROM st WHERE st.stage IN ${OPEN_STAGES_SQL} AND st.due_on < $3),
         cut AS (SELECT late.due_on FROM late ORDER BY late.due_on OFFSET ${offset} LIMIT 1),
         top AS MATERIALIZED (SELECT late.* FROM late WHERE late.due_on <= coalesce((SELECT cut.due_on FROM cut), 'infinity'::date))`;
    return m.query(
      `WITH ${top}
       -- (by primary key: the planner cannot tell how few rows \`top\` keeps, and would hash every enterprise and case)
       SELECT top.id AS "caseId", e.name AS "enterpriseName", e.tax_code AS "taxCode", top.stage, to_char(top.due_on, 'YYYY-MM-DD') AS "stageDueOn",
              u.full_name AS "assigneeName", ($3::date - top.due_on) AS "daysLate"
         FROM top
         JOIN LATERAL (SELECT e.name, e.tax_code FROM enterprise e WHERE e.id = top.enterprise_id OFFSET 0) e ON true
         LEFT JOIN app_user u ON u.id = top.assignee_id
        ORDER BY top.due_on, e.name LIMIT ${limit}`,
      [unit.path, subtreeLike(unit.path), asOfDay, closed ? period.end : vnStartOfDay(asOfDay)],
    );
  }

  /** Open cases past their due day at `day` (now; for a report use `overdueCasesOf`, which replays a past period). */
  async overdueCases(m: EntityManager | DataSource, unit: ScopeUnit, day: IsoDate, limit = 5000): Promise<OverdueCase[]> {
    return m.query(
      `SELECT c.id AS "caseId", e.name AS "enterpriseName", e.tax_code AS "taxCode", c.stage, to_char(c.stage_due_on, 'YYYY-MM-DD') AS "stageDueOn",
              u.full_name AS "assigneeName", ($3::date - c.stage_due_on) AS "daysLate"
         FROM founding_case c JOIN enterprise e ON e.id = c.enterprise_id LEFT JOIN app_user u ON u.id = c.assignee_id
        WHERE c.org_unit_id IN ${SCOPE('$1', '$2')} AND c.stage IN ${OPEN_STAGES_SQL} AND c.stage_due_on < $3 AND c.stage_entered_at < $4
        ORDER BY c.stage_due_on, e.name LIMIT ${limit}`,
      [unit.path, subtreeLike(unit.path), day, vnStartOfDay(addDays(day, 1))],
    );
  }
}
