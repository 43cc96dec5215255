import { OWES_RETURN_SQL, SETTING_OF_SQL } from './return-periods.service';

/**
 * Statistics returns not submitted in time (docs/architecture.md#statistics-returns), in the escalation sweep: per CĐCS,
 * period and level once (UQ_escalation_return_once). REMINDER from the reminder day (the CĐCS's GRASSROOTS accounts),
 * BREACH after the due day (the parent unit's supervisors); a CĐCS first seen past its due day gets both at once.
 * $1 today; $2 the periods in force (jsonb: kind, year, setting, ref, due, remind — one per setting). A return counts as
 * submitted once it was first submitted (a sent-back return is the upper level's to follow). CĐCS made after the
 * reference day owe nothing for the period (OWES_RETURN_SQL, the board's rule too).
 */
export const RAISE_RETURNS_SQL = `
WITH p AS (
  SELECT * FROM jsonb_to_recordset($2::jsonb) AS p(kind text, year int, setting uuid, path text, ref date, due date, remind date)
), g AS MATERIALIZED (
  SELECT o.id, o.parent_id, o.established_on, ${SETTING_OF_SQL('o', '$2')} AS setting FROM org_unit o WHERE o.kind = 'GRASSROOTS' AND o.dissolved_at IS NULL
), due AS MATERIALIZED (
  SELECT g.id, g.parent_id, p.kind || '-' || p.year AS period, lvl.level
    FROM g JOIN p ON p.setting IS NOT DISTINCT FROM g.setting AND ${OWES_RETURN_SQL('g', 'p.ref')}
    CROSS JOIN LATERAL (VALUES ('REMINDER', p.remind <= $1::date), ('BREACH', p.due < $1::date)) AS lvl(level, reached)
   WHERE lvl.reached
     AND NOT EXISTS (SELECT 1 FROM statistics_return r WHERE r.grassroots_union_id = g.id AND r.period_kind = p.kind AND r.year = p.year AND r.first_submitted_at IS NOT NULL)
), raised AS (
  INSERT INTO escalation (return_union_id, return_period, stage, stage_entry, level)
  SELECT id, period, 'STATISTICS_RETURN', 1, level FROM due
  ON CONFLICT (return_union_id, return_period, level) DO NOTHING
  RETURNING id, return_union_id, return_period, level
), notified AS (
  -- Fresh escalations only (see RAISE_SQL): no ON CONFLICT needed.
  INSERT INTO notification (escalation_id, user_id)
  SELECT r.id, u.id FROM raised r JOIN due d ON d.id = r.return_union_id AND d.period = r.return_period AND d.level = r.level
    JOIN app_user u ON u.active AND (
      (r.level = 'REMINDER' AND u.org_unit_id = d.id AND u.role = 'GRASSROOTS') OR (r.level = 'BREACH' AND u.org_unit_id = d.parent_id AND u.role = 'SUPERVISOR'))
  RETURNING id
)
SELECT (SELECT count(*)::int FROM raised) AS raised, (SELECT count(*)::int FROM notified) AS notified`;
