import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { IsoDate } from '@app/domain';
import { JobName } from '@app/queue';
import { Actor, Role, subtreeLike } from '../common/actor';
import { notFound } from '../common/app-error';
import { OPEN_STAGES_SQL } from '../common/open-stages.sql';
import { CalendarService } from '../calendar/calendar.service';
import { outboxInsertSelect } from '../outbox/outbox.writer';

/** Key of the advisory lock that keeps the sweep to one runner at a time across workers. */
export const SWEEP_LOCK_KEY = 724_001;

export interface SweepResult { ran: boolean; raised: number; notified: number }

/** Late cases per transaction of a full sweep: bounds the locks and WAL of a backlog (e.g. the first sweep after an outage). */
export const SWEEP_BATCH_CASES = 50_000;

/**
 * Which of `lanes` a case's late levels are raised in: by its id's last byte (random in a v4 uuid), so
 * the lanes split the late cases evenly and never share one.
 */
const LANE_OF = (id: string, lanes: number) => `(get_byte(uuid_send(${id}), 15) % ${Math.floor(lanes)})`;

/** What one raising statement did. `cases` and the last key: the late cases it took (a full sweep's batches walk on from the key). */
interface Raised { cases: number; last_on: string | null; last_id: string | null; raised: number; notified: number }

export interface EscalationView {
  id: string; caseId: string | null; applicationId: string | null; level: string; stage: string; raisedAt: Date; acknowledgedAt: Date | null;
  /** The unit the escalation is about: the case's unit, or the upper-level union that has to decide the application. */
  orgUnitId: string;
}

/** What an escalation is about: a founding case's stage, or an application an upper-level union has not decided in time. */
export type EscalationSubject = 'CASE' | 'APPLICATION';

/**
 * With SMTP configured, one outbox row per notification (the relay turns it into an email job), in the same statement;
 * its parameters are appended to `params`.
 */
const mailed = (smtp: boolean, params: unknown[]) =>
  smtp
    ? `, mailed AS (
  ${outboxInsertSelect(JobName.SEND_NOTIFICATION_EMAIL, { perRow: { notificationId: 'id' }, from: 'notified' }, params)}
)`
    : '';

/**
 * Levels per case and stage entry: WARNING to the assignee (to the unit's supervisors when there is none), BREACH to the
 * unit's supervisors, CRITICAL to them and the parent unit's supervisors. The days are stored on the case at stage entry;
 * escalation_progress remembers the highest level raised in the stage entry (an older entry's row counts as level 0), so
 * a case is late when the day of its next level has passed, and every level above its mark whose day has passed is raised.
 * `late` reads only the covering index by warning day (index-only: days, stage, assignee, unit) and the narrow progress
 * rows, never a case row. Unique keys make re-runs and duplicate deliveries add nothing.
 * A full sweep takes the late cases in (warning_on, id) order, $4 at a time after the key ($2, $3), those of lane $5
 * when it runs in several (LANE_OF); one case: id $2. `params` holds these; the outbox rows' parameters are appended.
 */
const RAISE_SQL = (scope: 'batch' | 'case', smtp: boolean, params: unknown[], lanes = 1) => `
WITH late AS MATERIALIZED (
  SELECT c.id, c.warning_on, c.stage_entry, c.stage_due_on, c.critical_on, c.stage, c.assignee_id, c.org_unit_id, coalesce(p.level, 0) AS done
    FROM founding_case c
    LEFT JOIN escalation_progress p ON p.case_id = c.id AND p.stage_entry = c.stage_entry
   WHERE c.stage IN ${OPEN_STAGES_SQL} AND c.warning_on < $1
     AND (CASE coalesce(p.level, 0) WHEN 0 THEN c.warning_on WHEN 1 THEN c.stage_due_on WHEN 2 THEN c.critical_on END) < $1
     ${scope === 'case' ? 'AND c.id = $2' : `AND (c.warning_on, c.id) > ($2::date, $3::uuid)${lanes > 1 ? ` AND ${LANE_OF('c.id', lanes)} = $5` : ''}\n   ORDER BY c.warning_on, c.id LIMIT $4`}
), due AS MATERIALIZED (
  SELECT l.id, l.stage, l.stage_entry, l.assignee_id, l.org_unit_id, lvl.level, lvl.rank
    FROM late l
    CROSS JOIN LATERAL (VALUES ('WARNING', 1, l.warning_on), ('BREACH', 2, l.stage_due_on), ('CRITICAL', 3, l.critical_on)) AS lvl(level, rank, day)
   WHERE lvl.rank > l.done AND lvl.day < $1
), progress AS (
  INSERT INTO escalation_progress AS p (case_id, stage_entry, level)
  SELECT id, stage_entry, max(rank) FROM due GROUP BY id, stage_entry
  ON CONFLICT (case_id) DO UPDATE SET stage_entry = excluded.stage_entry, level = excluded.level
   WHERE (p.stage_entry, p.level) < (excluded.stage_entry, excluded.level)
), raised AS (
  INSERT INTO escalation (case_id, stage, stage_entry, level)
  SELECT id, stage, stage_entry, level FROM due
  ON CONFLICT (case_id, stage_entry, level) DO NOTHING
  RETURNING id, case_id, level
), addressed AS MATERIALIZED (
  SELECT r.id, r.level, d.assignee_id, d.org_unit_id FROM raised r JOIN due d ON d.id = r.case_id AND d.level = r.level
), recipients AS (
  -- The branches cannot yield the same (escalation, user) twice: UNION ALL.
  SELECT a.id AS escalation_id, a.assignee_id AS user_id FROM addressed a
   WHERE a.level = 'WARNING' AND a.assignee_id IS NOT NULL
  UNION ALL
  SELECT a.id, u.id FROM addressed a JOIN app_user u ON u.org_unit_id = a.org_unit_id AND u.role = 'SUPERVISOR' AND u.active
   WHERE a.level IN ('BREACH', 'CRITICAL') OR (a.level = 'WARNING' AND a.assignee_id IS NULL)
  UNION ALL
  SELECT a.id, u.id FROM addressed a JOIN org_unit o ON o.id = a.org_unit_id
    JOIN app_user u ON u.org_unit_id = o.parent_id AND u.role = 'SUPERVISOR' AND u.active
   WHERE a.level = 'CRITICAL'
), notified AS (
  -- No ON CONFLICT: the escalations were inserted by this statement (fresh ids), so no notification of theirs can
  -- exist yet; UQ_notification_once still guards it. A speculative insertion per row costs more than the plain one.
  INSERT INTO notification (escalation_id, user_id)
  SELECT escalation_id, user_id FROM recipients
  RETURNING id
)${mailed(smtp, params)}
SELECT k.cases, k.last_on, k.last_id, (SELECT count(*)::int FROM raised) AS raised, (SELECT count(*)::int FROM notified) AS notified
  FROM (SELECT count(*)::int AS cases, (max(ARRAY[warning_on::text, id::text]))[1] AS last_on, (max(ARRAY[warning_on::text, id::text]))[2] AS last_id FROM late) k`;

/** Applications an upper-level union has not decided by their due day ($1): BREACH to its supervisors. */
const RAISE_APPLICATIONS_SQL = (smtp: boolean, params: unknown[]) => `
WITH overdue AS MATERIALIZED (
  SELECT a.id, a.deciding_unit_id FROM membership_application a
   WHERE a.status = 'SUBMITTED' AND a.due_on IS NOT NULL AND a.due_on < $1
     -- IS NOT NULL: the anti-join reads only the applications' range of UQ_escalation_application_once.
     AND NOT EXISTS (SELECT 1 FROM escalation x WHERE x.application_id = a.id AND x.application_id IS NOT NULL AND x.level = 'BREACH')
), raised AS (
  INSERT INTO escalation (application_id, stage, stage_entry, level)
  SELECT id, 'APPLICATION', 1, 'BREACH' FROM overdue
  ON CONFLICT (application_id, level) DO NOTHING
  RETURNING id, application_id
), notified AS (
  -- Fresh escalations only (see RAISE_SQL): no ON CONFLICT needed.
  INSERT INTO notification (escalation_id, user_id)
  SELECT r.id, u.id FROM raised r JOIN overdue o ON o.id = r.application_id
    JOIN app_user u ON u.org_unit_id = o.deciding_unit_id AND u.role = 'SUPERVISOR' AND u.active
  RETURNING id
)${mailed(smtp, params)}
SELECT (SELECT count(*)::int FROM raised) AS raised, (SELECT count(*)::int FROM notified) AS notified`;

/** The part of a QueryRunner the sweep uses (a stand-in can explain the statements instead, see bench/explain.ts). */
type Runner = Pick<QueryRunner, 'query' | 'startTransaction' | 'commitTransaction' | 'rollbackTransaction' | 'release'>;

@Injectable()
export class EscalationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The whole sweep, at most one at a time (a session advisory lock on one connection; a second caller returns
   * ran=false). The late cases go in batches of SWEEP_BATCH_CASES, one transaction each, so a backlog commits as it
   * goes and a run that dies keeps what its finished batches raised (the next run goes on from there).
   */
  async sweep(today: IsoDate = this.calendar.today(), batchCases = SWEEP_BATCH_CASES, lanes = this.config.escalationSweepLanes): Promise<SweepResult> {
    const q: Runner = this.db.createQueryRunner();
    try {
      const [{ locked }] = await q.query(`SELECT pg_try_advisory_lock($1) AS locked`, [SWEEP_LOCK_KEY]);
      if (!locked) return { ran: false, raised: 0, notified: 0 };
      let result: SweepResult;
      try {
        result = await this.sweepLocked(q, today, batchCases, Number.isInteger(lanes) && lanes > 1 ? lanes : 1);
      } catch (e) {
        await q.query(`SELECT pg_advisory_unlock($1)`, [SWEEP_LOCK_KEY]).catch(() => undefined);
        throw e;
      }
      await q.query(`SELECT pg_advisory_unlock($1)`, [SWEEP_LOCK_KEY]);
      return result;
    } finally {
      await q.release();
    }
  }

  private async sweepLocked(q: Runner, today: IsoDate, batchCases: number, lanes: number): Promise<SweepResult> {
    const smtp = !!this.config.smtpUrl;
    const [{ started }] = await q.query(`SELECT clock_timestamp() AS started`);
    let raised = 0;
    let notified = 0;
    const inTransaction = async <T>(on: Runner, fn: () => Promise<T>): Promise<T> => {
      await on.startTransaction();
      try {
        // Room for the hash of the late cases against their progress rows (a few hundred thousand at 1M open cases);
        // and JIT, off on the app's connections: these statements run for seconds over 50,000 cases a batch, where compiling pays.
        await on.query(`SET LOCAL work_mem = '64MB'`);
        await on.query(`SET LOCAL jit = on`);
        const r = await fn();
        await on.commitTransaction();
        return r;
      } catch (e) {
        await on.rollbackTransaction();
        throw e;
      }
    };
    /** The late cases of one lane, batch after batch, on its own connection (the only one when lanes = 1). */
    const lane = async (l: Runner, k: number) => {
      let after: [string, string] = ['-infinity', '00000000-0000-0000-0000-000000000000'];
      for (;;) {
        const params: unknown[] = [today, ...after, batchCases, ...(lanes > 1 ? [k] : [])];
        const sql = RAISE_SQL('batch', smtp, params, lanes);
        const [batch]: Raised[] = await inTransaction(l, () => l.query(sql, params));
        raised += batch.raised;
        notified += batch.notified;
        if (batch.cases < batchCases || !batch.last_on || !batch.last_id) break;
        after = [batch.last_on, batch.last_id];
      }
    };
    /** The overdue applications, in a transaction of their own on the lock's connection. */
    const applications = async () => {
      const params: unknown[] = [today];
      const sql = RAISE_APPLICATIONS_SQL(smtp, params);
      const [apps]: Raised[] = await inTransaction(q, () => q.query(sql, params));
      raised += apps.raised;
      notified += apps.notified;
    };
    if (lanes === 1) {
      await lane(q, 0);
      await applications();
    } else {
      // Each batch is one statement, on one CPU of the database: lanes raise disjoint cases side by side, and the
      // applications (their own escalation keys) beside them.
      const runners: Runner[] = Array.from({ length: lanes }, () => this.db.createQueryRunner());
      try {
        const settled = await Promise.allSettled([...runners.map((l, k) => lane(l, k)), applications()]);
        const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed) throw failed.reason;
      } finally {
        for (const l of runners) await l.release();
      }
    }
    await q.query(`INSERT INTO job_run (job, started_at, finished_at, details) VALUES ('escalation-sweep', $1, clock_timestamp(), $2)`, [
      started, JSON.stringify({ today, raised, notified }),
    ]);
    return { ran: true, raised, notified };
  }

  /** The sweep for one case (after it changed stage); the unique keys keep it from doubling the full sweep. */
  async sweepCase(caseId: string, today: IsoDate = this.calendar.today()): Promise<number> {
    return this.db.transaction(async (m) => {
      const params: unknown[] = [today, caseId];
      const [r]: Raised[] = await m.query(RAISE_SQL('case', !!this.config.smtpUrl, params), params);
      return r.notified;
    });
  }

  /** Officers: escalations addressed to them. Supervisors: all in their subtree. Admins: all. */
  async list(actor: Actor, openOnly = true, subject?: EscalationSubject): Promise<EscalationView[]> {
    const params: unknown[] = [actor.userId];
    let scope: string;
    if (actor.role === Role.OFFICER) scope = `EXISTS (SELECT 1 FROM notification n WHERE n.escalation_id = x.id AND n.user_id = $1)`;
    else if (actor.role === Role.SUPERVISOR) {
      params.push(actor.orgPath, subtreeLike(actor.orgPath));
      scope = `coalesce(c.org_unit_id, a.deciding_unit_id) IN (SELECT id FROM org_unit WHERE path = $2 OR path LIKE $3)`;
    } else scope = 'true';
    return this.db.query(
      `SELECT x.id, x.case_id AS "caseId", x.application_id AS "applicationId", x.level, x.stage, x.raised_at AS "raisedAt",
              mine.acknowledged_at AS "acknowledgedAt", coalesce(c.org_unit_id, a.deciding_unit_id) AS "orgUnitId"
         FROM escalation x
         LEFT JOIN founding_case c ON c.id = x.case_id
         LEFT JOIN membership_application a ON a.id = x.application_id
         LEFT JOIN notification mine ON mine.escalation_id = x.id AND mine.user_id = $1
        WHERE ${scope} ${openOnly ? 'AND mine.acknowledged_at IS NULL' : ''}
          ${subject === 'CASE' ? 'AND x.case_id IS NOT NULL' : subject === 'APPLICATION' ? 'AND x.application_id IS NOT NULL' : ''}
        ORDER BY x.raised_at DESC, x.id LIMIT 500`,
      params,
    );
  }

  async acknowledge(actor: Actor, id: string): Promise<EscalationView> {
    const updated = await this.db.query(
      // Wrapped in a CTE so the driver returns the rows (a bare UPDATE answers [rows, count]).
      `WITH u AS (UPDATE notification SET acknowledged_at = coalesce(acknowledged_at, now()) WHERE escalation_id = $1 AND user_id = $2 RETURNING id)
       SELECT id FROM u`,
      [id, actor.userId],
    );
    if (!updated.length) {
      if (actor.role !== Role.ADMIN) throw notFound('Escalation');
      const [exists] = await this.db.query(`SELECT 1 FROM escalation WHERE id = $1`, [id]);
      if (!exists) throw notFound('Escalation');
      await this.db.query(
        `INSERT INTO notification (escalation_id, user_id, acknowledged_at) VALUES ($1, $2, now())
         ON CONFLICT (escalation_id, user_id) DO UPDATE SET acknowledged_at = coalesce(notification.acknowledged_at, now())`,
        [id, actor.userId],
      );
    }
    const [view] = (await this.list(actor, false)).filter((e) => e.id === id);
    if (view) return view;
    const [row] = await this.db.query(
      `SELECT x.id, x.case_id AS "caseId", x.application_id AS "applicationId", x.level, x.stage, x.raised_at AS "raisedAt", n.acknowledged_at AS "acknowledgedAt",
              coalesce(c.org_unit_id, a.deciding_unit_id) AS "orgUnitId"
         FROM escalation x JOIN notification n ON n.escalation_id = x.id AND n.user_id = $2
         LEFT JOIN founding_case c ON c.id = x.case_id LEFT JOIN membership_application a ON a.id = x.application_id
        WHERE x.id = $1`,
      [id, actor.userId],
    );
    return row;
  }
}
