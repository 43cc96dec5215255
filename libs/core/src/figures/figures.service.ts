import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ALL_STAGES, CaseStage, CoverageProgress, FOCUS_WORKER_THRESHOLD, IsoDate, OPEN_STAGES, TargetProgress, addDays, coverage, vnStartOfDay,
} from '@app/domain';
import { subtreeLike } from '../common/actor';

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
export interface GrassrootsFigures { unitId: string; name: string; membersAdmitted: number; membersAtEnd: number; recognizedOn: string | null }
export interface OverdueCase {
  caseId: string; enterpriseName: string; taxCode: string; stage: CaseStage; stageDueOn: string; assigneeName: string | null; daysLate: number | null;
}

export interface ScopeUnit { id: string; path: string }
export interface FigurePeriod { start: IsoDate; end: IsoDate }

const OPEN_SQL = `(${OPEN_STAGES.map((s) => `'${s}'`).join(',')})`;
const SCOPE = (pathParam: string, likeParam: string) => `(SELECT id FROM org_unit WHERE path = ${pathParam} OR path LIKE ${likeParam})`;

/**
 * Each case of `scope` opened before the instant `asOf`, with its stage and due day at that instant,
 * replayed from the history (the last step before it); assignee and recognition as they are now.
 */
const CASES_AS_OF = (scope: string, asOf: string) => `
  SELECT c.id, c.enterprise_id, c.assignee_id, c.recognized_on, coalesce(t.to_stage, 'SURVEY') AS stage, coalesce(t.at, c.opened_at) AS entered,
         CASE WHEN t.case_id IS NULL THEN c.opened_due_on ELSE t.stage_due_on END AS due_on
    FROM founding_case c
    LEFT JOIN LATERAL (SELECT x.case_id, x.to_stage, x.stage_due_on, x.at FROM case_transition x
                        WHERE x.case_id = c.id AND x.at < ${asOf} ORDER BY x.version DESC LIMIT 1) t ON true
   WHERE c.org_unit_id IN ${scope} AND c.opened_at < ${asOf}`;

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
    const parts = [
      () => this.target(m, unit.id, Number(period.start.slice(0, 4))),
      () => this.newMembers(m, unit, period),
      () => this.newGrassrootsUnions(m, unit, period),
      () => this.coverageCounts(m, unit, period.end),
      () => this.stages(m, unit, period, today),
    ] as const;
    // In a transaction all queries share one connection, which runs them one at a time anyway
    // (and pg refuses concurrent queries on a client); from the pool they run side by side.
    const inTransaction = m instanceof EntityManager && !!m.queryRunner;
    const results: unknown[] = [];
    if (inTransaction) for (const part of parts) results.push(await part());
    else results.push(...(await Promise.all(parts.map((part) => part()))));
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

  private async target(m: EntityManager | DataSource, unitId: string, year: number) {
    const [t] = await m.query(
      `SELECT new_members, new_grassroots_unions, coverage_percent FROM target WHERE year = $1 AND org_unit_id = $2 AND officer_id IS NULL`,
      [year, unitId],
    );
    return t as { new_members: number | null; new_grassroots_unions: number | null; coverage_percent: string | null } | undefined;
  }

  async newMembers(m: EntityManager | DataSource, unit: ScopeUnit, period: FigurePeriod): Promise<number> {
    const [r] = await m.query(
      `SELECT count(*)::int AS n FROM member m
        WHERE m.admitted_on BETWEEN $1 AND $2 AND m.grassroots_union_id IN ${SCOPE('$3', '$4')}`,
      [period.start, period.end, unit.path, subtreeLike(unit.path)],
    );
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

  /** Enterprises with ≥25 workers; a union at `day` per the register, or per a recognition dated on or before it. */
  async coverageCounts(m: EntityManager | DataSource, unit: ScopeUnit, day: IsoDate): Promise<{ total: number; withUnion: number }> {
    const [r] = await m.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE CASE WHEN rc.recognized_on IS NULL THEN e.has_union ELSE rc.recognized_on <= $1 END)::int AS with_union
         FROM enterprise e
         -- One grouped pass over the recognitions, hash-joined (a probe per enterprise was 5× slower at scale).
         LEFT JOIN (SELECT c.enterprise_id, min(c.recognized_on) AS recognized_on FROM founding_case c
                     WHERE c.recognized_on IS NOT NULL AND c.org_unit_id IN ${SCOPE('$2', '$3')} GROUP BY c.enterprise_id) rc
           ON rc.enterprise_id = e.id
        WHERE e.worker_count >= $4 AND e.org_unit_id IN ${SCOPE('$2', '$3')}`,
      [day, unit.path, subtreeLike(unit.path), FOCUS_WORKER_THRESHOLD],
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
                count(*) FILTER (WHERE c.stage IN ${OPEN_SQL} AND c.stage_due_on < $4)::int AS overdue
           FROM founding_case c
          WHERE c.org_unit_id IN ${SCOPE('$1', '$2')} AND (c.stage IN ${OPEN_SQL} OR c.stage_entered_at >= $3)
          GROUP BY c.stage`,
        [...params, today],
      );
    } else {
      const asOf = vnStartOfDay(addDays(period.end, 1));
      // Replays the history: the last step before the period's end gives the stage and its due day.
      rows = await m.query(
        `WITH st AS (${CASES_AS_OF(SCOPE('$1', '$2'), '$4')})
         SELECT stage, count(*)::int AS count,
                count(*) FILTER (WHERE stage IN ${OPEN_SQL} AND due_on <= $5)::int AS overdue
           FROM st WHERE stage IN ${OPEN_SQL} OR entered >= $3 GROUP BY stage`,
        [...params, asOf, period.end],
      );
    }
    const byStage = new Map(rows.map((r) => [r.stage, r]));
    return ALL_STAGES.map((stage) => ({ stage, count: byStage.get(stage)?.count ?? 0, overdue: byStage.get(stage)?.overdue ?? 0 }));
  }

  /**
   * Per officer: cases, open and overdue ones (as of the period's end once it is over, like `stages`),
   * recognitions and members admitted in the period, and the officer's targets for the year.
   */
  async byOfficer(m: EntityManager | DataSource, unit: ScopeUnit, period: FigurePeriod, today: IsoDate): Promise<OfficerFigures[]> {
    const over = isOver(period, today);
    const cases = over
      ? CASES_AS_OF('(SELECT id FROM scope)', '$7')
      : `SELECT c.assignee_id, c.stage, c.stage_due_on AS due_on FROM founding_case c WHERE c.org_unit_id IN (SELECT id FROM scope)`;
    const asOfDay = over ? addDays(period.end, 1) : today;
    return m.query(
      `WITH scope AS ${SCOPE('$1', '$2')},
       c AS (${cases}),
       cs AS (SELECT c.assignee_id, count(*)::int AS cases,
                     count(*) FILTER (WHERE c.stage IN ${OPEN_SQL})::int AS open_cases,
                     count(*) FILTER (WHERE c.stage IN ${OPEN_SQL} AND c.due_on < $5)::int AS overdue_cases
                FROM c WHERE c.assignee_id IS NOT NULL GROUP BY c.assignee_id),
       -- Recognitions count by decision day, like newGrassrootsUnions, whatever the history says.
       rs AS (SELECT c.assignee_id, count(*)::int AS recognitions FROM founding_case c
               WHERE c.recognized_on BETWEEN $3 AND $4 AND c.org_unit_id IN (SELECT id FROM scope) AND c.assignee_id IS NOT NULL GROUP BY c.assignee_id),
       ms AS (SELECT c.assignee_id, count(*)::int AS members FROM member m JOIN founding_case c ON c.id = m.case_id
               WHERE m.admitted_on BETWEEN $3 AND $4 AND c.org_unit_id IN (SELECT id FROM scope) AND c.assignee_id IS NOT NULL GROUP BY c.assignee_id)
       SELECT u.id AS "officerId", u.full_name AS "fullName", coalesce(cs.cases, 0) AS cases, coalesce(cs.open_cases, 0) AS "openCases",
              coalesce(cs.overdue_cases, 0) AS "overdueCases", coalesce(rs.recognitions, 0) AS recognitions,
              coalesce(ms.members, 0) AS "membersAdmitted", t.new_members AS "targetMembers", t.new_grassroots_unions AS "targetGrassrootsUnions"
         FROM app_user u
         LEFT JOIN cs ON cs.assignee_id = u.id
         LEFT JOIN rs ON rs.assignee_id = u.id
         LEFT JOIN ms ON ms.assignee_id = u.id
         LEFT JOIN target t ON t.officer_id = u.id AND t.year = $6
        WHERE u.role IN ('OFFICER','SUPERVISOR')
          AND (u.org_unit_id IN (SELECT id FROM scope) AND u.role = 'OFFICER' OR cs.cases IS NOT NULL OR rs.recognitions IS NOT NULL OR ms.members IS NOT NULL)
        ORDER BY u.full_name, u.id`,
      [unit.path, subtreeLike(unit.path), period.start, period.end, asOfDay, Number(period.start.slice(0, 4)), ...(over ? [vnStartOfDay(asOfDay)] : [])],
    );
  }

  async byGrassroots(m: EntityManager | DataSource, unit: ScopeUnit, period: FigurePeriod): Promise<GrassrootsFigures[]> {
    return m.query(
      `WITH g AS (SELECT o.id, o.name FROM org_unit o WHERE o.kind = 'GRASSROOTS' AND (o.path = $1 OR o.path LIKE $2)),
       ms AS (SELECT m.grassroots_union_id AS id,
                     count(*) FILTER (WHERE m.admitted_on BETWEEN $3 AND $4)::int AS admitted,
                     count(*) FILTER (WHERE m.admitted_on <= $4 AND (m.left_on IS NULL OR m.left_on > $4))::int AS at_end
                FROM member m WHERE m.grassroots_union_id IN (SELECT id FROM g) GROUP BY m.grassroots_union_id)
       SELECT g.id AS "unitId", g.name, coalesce(ms.admitted, 0) AS "membersAdmitted", coalesce(ms.at_end, 0) AS "membersAtEnd",
              (SELECT to_char(c.recognized_on, 'YYYY-MM-DD') FROM founding_case c WHERE c.grassroots_union_id = g.id LIMIT 1) AS "recognizedOn"
         FROM g LEFT JOIN ms ON ms.id = g.id ORDER BY g.name, g.id`,
      [unit.path, subtreeLike(unit.path), period.start, period.end],
    );
  }

  /**
   * The open cases past their due day for a report of `period`: as of the end of its last day once it
   * is over (stage and due day replayed from the history, as `stages` counts them), else as of today.
   */
  async overdueCasesOf(m: EntityManager | DataSource, unit: ScopeUnit, period: FigurePeriod, today: IsoDate, limit = 5000): Promise<OverdueCase[]> {
    if (!isOver(period, today)) return this.overdueCases(m, unit, today, limit);
    const asOfDay = addDays(period.end, 1);
    return m.query(
      `WITH st AS (${CASES_AS_OF(SCOPE('$1', '$2'), '$4')})
       SELECT st.id AS "caseId", e.name AS "enterpriseName", e.tax_code AS "taxCode", st.stage, to_char(st.due_on, 'YYYY-MM-DD') AS "stageDueOn",
              u.full_name AS "assigneeName", ($3::date - st.due_on) AS "daysLate"
         FROM st JOIN enterprise e ON e.id = st.enterprise_id LEFT JOIN app_user u ON u.id = st.assignee_id
        WHERE st.stage IN ${OPEN_SQL} AND st.due_on < $3
        ORDER BY st.due_on, e.name LIMIT ${limit}`,
      [unit.path, subtreeLike(unit.path), asOfDay, vnStartOfDay(asOfDay)],
    );
  }

  /** Open cases past their due day at `day` (now; for a report use `overdueCasesOf`, which replays a past period). */
  async overdueCases(m: EntityManager | DataSource, unit: ScopeUnit, day: IsoDate, limit = 5000): Promise<OverdueCase[]> {
    return m.query(
      `SELECT c.id AS "caseId", e.name AS "enterpriseName", e.tax_code AS "taxCode", c.stage, to_char(c.stage_due_on, 'YYYY-MM-DD') AS "stageDueOn",
              u.full_name AS "assigneeName", ($3::date - c.stage_due_on) AS "daysLate"
         FROM founding_case c JOIN enterprise e ON e.id = c.enterprise_id LEFT JOIN app_user u ON u.id = c.assignee_id
        WHERE c.org_unit_id IN ${SCOPE('$1', '$2')} AND c.stage IN ${OPEN_SQL} AND c.stage_due_on < $3 AND c.stage_entered_at < $4
        ORDER BY c.stage_due_on, e.name LIMIT ${limit}`,
      [unit.path, subtreeLike(unit.path), day, vnStartOfDay(addDays(day, 1))],
    );
  }
}
