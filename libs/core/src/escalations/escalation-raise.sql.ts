import { JobName } from '@app/queue';
import { OPEN_STAGES_SQL } from '../common/open-stages.sql';
import { outboxInsertSelect } from '../outbox/outbox.writer';

// The sweep's raising statements (docs/architecture.md#the-escalation-sweep).

/**
 * Which of `lanes` a case's late levels are raised in: by its id's last byte (random in a v4 uuid), so
 * the lanes split the late cases evenly and never share one.
 */
const LANE_OF = (id: string, lanes: number) => `(get_byte(uuid_send(${id}), 15) % ${Math.floor(lanes)})`;

/** What one raising statement did. `cases` and the last key: the late cases it took (a full sweep's batches walk on from the key). */
export interface Raised {
  cases: number;
  last_on: string | null;
  last_id: string | null;
  raised: number;
  notified: number;
}

export interface EscalationView {
  id: string;
  caseId: string | null;
  applicationId: string | null;
  level: string;
  stage: string;
  raisedAt: Date;
  acknowledgedAt: Date | null;
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
export const RAISE_SQL = (scope: 'batch' | 'case', smtp: boolean, params: unknown[], lanes = 1) => `
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
export const RAISE_APPLICATIONS_SQL = (smtp: boolean, params: unknown[]) => `
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
