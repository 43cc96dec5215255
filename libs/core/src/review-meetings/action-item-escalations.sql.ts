import { JobName } from '@app/queue';
import { outboxInsertSelect } from '../outbox/outbox.writer';

/**
 * Open action items of held review meetings past their days (docs/architecture.md#review-meetings), in the escalation
 * sweep, like a case's stage: WARNING to the assignee, BREACH to the supervisors of the meeting's unit, CRITICAL to them
 * and the parent unit's supervisors; every level whose day has passed, each once per item (UQ_escalation_action_item_once:
 * a re-run, a duplicate delivery or a second worker adds nothing). $1 today; with SMTP, an outbox row per notification
 * (its parameters appended to `params`).
 */
export const RAISE_ACTION_ITEMS_SQL = (smtp: boolean, params: unknown[]) => `
WITH due AS MATERIALIZED (
  SELECT ai.id, ai.assignee_id, m.org_unit_id, lvl.level
    FROM review_action_item ai JOIN review_meeting m ON m.id = ai.meeting_id
    CROSS JOIN LATERAL (VALUES ('WARNING', ai.warning_on), ('BREACH', ai.due_on), ('CRITICAL', ai.critical_on)) AS lvl(level, day)
   WHERE ai.status = 'OPEN' AND ai.warning_on < $1::date AND lvl.day < $1::date
     AND NOT EXISTS (SELECT 1 FROM escalation x WHERE x.action_item_id = ai.id AND x.action_item_id IS NOT NULL AND x.level = lvl.level)
), raised AS (
  INSERT INTO escalation (action_item_id, stage, stage_entry, level)
  SELECT id, 'ACTION_ITEM', 1, level FROM due
  ON CONFLICT (action_item_id, level) DO NOTHING
  RETURNING id, action_item_id, level
), addressed AS MATERIALIZED (
  SELECT r.id, r.level, d.assignee_id, d.org_unit_id FROM raised r JOIN due d ON d.id = r.action_item_id AND d.level = r.level
), recipients AS (
  SELECT a.id AS escalation_id, a.assignee_id AS user_id FROM addressed a WHERE a.level = 'WARNING'
  UNION
  SELECT a.id, u.id FROM addressed a JOIN app_user u ON u.org_unit_id = a.org_unit_id AND u.role = 'SUPERVISOR' AND u.active
   WHERE a.level IN ('BREACH', 'CRITICAL')
  UNION
  SELECT a.id, u.id FROM addressed a JOIN org_unit o ON o.id = a.org_unit_id
    JOIN app_user u ON u.org_unit_id = o.parent_id AND u.role = 'SUPERVISOR' AND u.active
   WHERE a.level = 'CRITICAL'
), notified AS (
  -- Fresh escalations only (see RAISE_SQL): no ON CONFLICT needed.
  INSERT INTO notification (escalation_id, user_id)
  SELECT escalation_id, user_id FROM recipients
  RETURNING id
)${
  smtp
    ? `, mailed AS (
  ${outboxInsertSelect(JobName.SEND_NOTIFICATION_EMAIL, { perRow: { notificationId: 'id' }, from: 'notified' }, params)}
)`
    : ''
}
SELECT (SELECT count(*)::int FROM raised) AS raised, (SELECT count(*)::int FROM notified) AS notified`;
