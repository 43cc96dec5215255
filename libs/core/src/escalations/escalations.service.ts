import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { IsoDate } from '@app/domain';
import { Actor, Role, subtreeLike } from '../common/actor';
import { notFound } from '../common/app-error';
import { CalendarService } from '../calendar/calendar.service';
import { RAISE_RETURNS_SQL } from '../statistics-returns/return-escalations.sql';
import { ReturnPeriodsService } from '../statistics-returns/return-periods.service';
import { RAISE_ACTION_ITEMS_SQL } from '../review-meetings/action-item-escalations.sql';
import { EscalationSubject, EscalationView, RAISE_APPLICATIONS_SQL, RAISE_SQL, Raised } from './escalation-raise.sql';

export type { EscalationSubject, EscalationView } from './escalation-raise.sql';

/** Key of the advisory lock that keeps the sweep to one runner at a time across workers. */
export const SWEEP_LOCK_KEY = 724_001;

export interface SweepResult {
  ran: boolean;
  raised: number;
  notified: number;
}

/** Late cases per transaction of a full sweep: bounds the locks and WAL of a backlog (e.g. the first sweep after an outage). */
export const SWEEP_BATCH_CASES = 50_000;

/** The part of a QueryRunner the sweep uses (a stand-in can explain the statements instead, see bench/explain.ts). */
type Runner = Pick<QueryRunner, 'query' | 'startTransaction' | 'commitTransaction' | 'rollbackTransaction' | 'release'>;

@Injectable()
export class EscalationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    /** Absent where a tool builds the service by hand for the case sweep alone (bench). */
    @Optional() private readonly periods?: ReturnPeriodsService,
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
      const returns = await this.raiseReturns(q, today);
      raised += returns.raised;
      notified += returns.notified;
      // Overdue action items of review meetings (docs/architecture.md#review-meetings).
      const itemParams: unknown[] = [today];
      const itemSql = RAISE_ACTION_ITEMS_SQL(smtp, itemParams);
      const [items]: Raised[] = await inTransaction(q, () => q.query(itemSql, itemParams));
      raised += items.raised;
      notified += items.notified;
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
      started,
      JSON.stringify({ today, raised, notified }),
    ]);
    return { ran: true, raised, notified };
  }

  /** Missing statistics returns of this year's and last year's periods (docs/architecture.md#statistics-returns), in their own transaction. */
  private async raiseReturns(q: Runner, today: IsoDate): Promise<{ raised: number; notified: number }> {
    if (!this.periods) return { raised: 0, notified: 0 };
    await q.startTransaction();
    try {
      const year = Number(today.slice(0, 4));
      const m = this.db.manager;
      const rows = [];
      for (const y of [year - 1, year])
        for (const kind of ['HALF_YEAR', 'YEAR'] as const)
          for (const p of await this.periods.allDated(m, kind, y))
            rows.push({ kind, year: y, setting: p.settingUnitId, path: p.settingPath ?? null, ref: p.end, due: p.dueOn, remind: p.remindOn });
      const [r] = await q.query(RAISE_RETURNS_SQL, [today, JSON.stringify(rows)]);
      await q.commitTransaction();
      return r;
    } catch (e) {
      await q.rollbackTransaction();
      throw e;
    }
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
      if (actor.role !== Role.ADMIN) throw notFound('escalation');
      const [exists] = await this.db.query(`SELECT 1 FROM escalation WHERE id = $1`, [id]);
      if (!exists) throw notFound('escalation');
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
