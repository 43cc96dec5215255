import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { IsoDate, OPEN_STAGES } from '@app/domain';
import { NEXT_ESCALATION_DAY_SQL } from '@app/persistence';
import { JobName } from '@app/queue';
import { Actor, Role, subtreeLike } from '../common/actor';
import { notFound } from '../common/app-error';
import { CalendarService } from '../calendar/calendar.service';
import { writeOutbox } from '../outbox/outbox.writer';

const OPEN_SQL = `(${OPEN_STAGES.map((s) => `'${s}'`).join(',')})`;
/** Key of the advisory lock that keeps the sweep to one runner at a time across workers. */
export const SWEEP_LOCK_KEY = 724_001;

export interface SweepResult { ran: boolean; raised: number; notified: number }

/** What one raising statement did: escalations raised, notifications created. */
interface Raised { raised: number; notifications: string[] }

export interface EscalationView {
  id: string; caseId: string | null; applicationId: string | null; level: string; stage: string; raisedAt: Date; acknowledgedAt: Date | null;
  /** The unit the escalation is about: the case's unit, or the upper-level union that has to decide the application. */
  orgUnitId: string;
}

/** What an escalation is about: a founding case's stage, or an application an upper-level union has not decided in time. */
export type EscalationSubject = 'CASE' | 'APPLICATION';

/**
 * Levels per case and stage entry: WARNING to the assignee, BREACH to the unit's supervisors,
 * CRITICAL to them and the parent unit's supervisors. The days are stored on the case at stage
 * entry, so the sweep is one set-based statement; unique keys make re-runs add nothing.
 */
const RAISE_SQL = (caseFilter: string) => `
WITH due AS (
  SELECT c.id, c.stage, c.stage_entry, lvl.level, lvl.rank
    FROM founding_case c
    CROSS JOIN LATERAL (VALUES ('WARNING', 1, c.warning_on), ('BREACH', 2, c.stage_due_on), ('CRITICAL', 3, c.critical_on)) AS lvl(level, rank, day)
   WHERE c.stage IN ${OPEN_SQL} AND ${NEXT_ESCALATION_DAY_SQL.replace(/"/g, '')} < $1
     AND lvl.rank > c.escalated_level AND lvl.day < $1 ${caseFilter}
), progress AS (
  -- Only while the case is still in the same stage entry: a case that moved on starts again at 0.
  UPDATE founding_case c SET escalated_level = d.top
    FROM (SELECT id, stage_entry, max(rank) AS top FROM due GROUP BY id, stage_entry) d
   WHERE c.id = d.id AND c.stage_entry = d.stage_entry AND c.escalated_level < d.top
), raised AS (
  INSERT INTO escalation (case_id, stage, stage_entry, level)
  SELECT id, stage, stage_entry, level FROM due
  ON CONFLICT (case_id, stage_entry, level) DO NOTHING
  RETURNING id, case_id, level
), recipients AS (
  SELECT r.id AS escalation_id, c.assignee_id AS user_id FROM raised r JOIN founding_case c ON c.id = r.case_id
   WHERE r.level = 'WARNING' AND c.assignee_id IS NOT NULL
  UNION
  SELECT r.id, u.id FROM raised r JOIN founding_case c ON c.id = r.case_id
    JOIN app_user u ON u.org_unit_id = c.org_unit_id AND u.role = 'SUPERVISOR' AND u.active
   WHERE r.level IN ('BREACH', 'CRITICAL') OR (r.level = 'WARNING' AND c.assignee_id IS NULL)
  UNION
  SELECT r.id, u.id FROM raised r JOIN founding_case c ON c.id = r.case_id JOIN org_unit o ON o.id = c.org_unit_id
    JOIN app_user u ON u.org_unit_id = o.parent_id AND u.role = 'SUPERVISOR' AND u.active
   WHERE r.level = 'CRITICAL'
), notified AS (
  INSERT INTO notification (escalation_id, user_id)
  SELECT escalation_id, user_id FROM recipients
  ON CONFLICT (escalation_id, user_id) DO NOTHING
  RETURNING id
)
SELECT (SELECT count(*)::int FROM raised) AS raised, coalesce((SELECT array_agg(id)::text[] FROM notified), '{}'::text[]) AS notifications`;

/** Applications an upper-level union has not decided by their due day: BREACH to its supervisors. */
const RAISE_APPLICATIONS_SQL = `
WITH raised AS (
  INSERT INTO escalation (application_id, stage, stage_entry, level)
  SELECT a.id, 'APPLICATION', 1, 'BREACH' FROM membership_application a
   WHERE a.status = 'SUBMITTED' AND a.due_on IS NOT NULL AND a.due_on < $1
     AND NOT EXISTS (SELECT 1 FROM escalation x WHERE x.application_id = a.id AND x.level = 'BREACH')
  ON CONFLICT (application_id, level) DO NOTHING
  RETURNING id, application_id
), notified AS (
  INSERT INTO notification (escalation_id, user_id)
  SELECT r.id, u.id FROM raised r JOIN membership_application a ON a.id = r.application_id
    JOIN app_user u ON u.org_unit_id = a.deciding_unit_id AND u.role = 'SUPERVISOR' AND u.active
  ON CONFLICT (escalation_id, user_id) DO NOTHING
  RETURNING id
)
SELECT (SELECT count(*)::int FROM raised) AS raised, coalesce((SELECT array_agg(id)::text[] FROM notified), '{}'::text[]) AS notifications`;

@Injectable()
export class EscalationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The whole sweep, at most one at a time (advisory lock); a second caller returns ran=false. */
  async sweep(today: IsoDate = this.calendar.today()): Promise<SweepResult> {
    return this.db.transaction(async (m) => {
      const [{ locked }] = await m.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [SWEEP_LOCK_KEY]);
      if (!locked) return { ran: false, raised: 0, notified: 0 };
      // clock_timestamp(), not now(): now() is the transaction's start and would precede this.
      const [{ started }] = await m.query(`SELECT clock_timestamp() AS started`);
      const [cases]: Raised[] = await m.query(RAISE_SQL(''), [today]);
      const [apps]: Raised[] = await m.query(RAISE_APPLICATIONS_SQL, [today]);
      const raised = cases.raised + apps.raised;
      const notified = cases.notifications.length + apps.notifications.length;
      await this.queueEmails(m, [...cases.notifications, ...apps.notifications]);
      await m.query(`INSERT INTO job_run (job, started_at, finished_at, details) VALUES ('escalation-sweep', $1, clock_timestamp(), $2)`, [
        started, JSON.stringify({ today, raised, notified }),
      ]);
      return { ran: true, raised, notified };
    });
  }

  /** The sweep for one case (after it changed stage); the unique keys keep it from doubling the full sweep. */
  async sweepCase(caseId: string, today: IsoDate = this.calendar.today()): Promise<number> {
    return this.db.transaction(async (m) => {
      const [r]: Raised[] = await m.query(RAISE_SQL('AND c.id = $2'), [today, caseId]);
      await this.queueEmails(m, r.notifications);
      return r.notifications.length;
    });
  }

  private async queueEmails(m: EntityManager, notificationIds: string[]): Promise<void> {
    if (!this.config.smtpUrl) return;
    for (const id of notificationIds) await writeOutbox(m, JobName.SEND_NOTIFICATION_EMAIL, { notificationId: id });
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
