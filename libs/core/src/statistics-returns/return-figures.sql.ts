import { RETURN_INDICATORS, ReturnFigures, ReturnIndicator } from '@app/domain';

// The figures of statistics returns in SQL (docs/architecture.md#statistics-returns).

/** The column of an indicator: membersAtStart → members_at_start. */
export const columnOf = (k: ReturnIndicator): string => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const FIGURE_COLUMNS = RETURN_INDICATORS.map(columnOf);

/** `prefix.column AS "indicator"` for every indicator. */
export const figuresSelect = (prefix: string): string => RETURN_INDICATORS.map((k) => `${prefix}.${columnOf(k)} AS "${k}"`).join(', ');

/** The figures of a row whose columns are named by indicator (counts may come back as strings). */
export function figuresOf(row: Record<string, unknown>): ReturnFigures {
  return Object.fromEntries(RETURN_INDICATORS.map((k) => [k, Number(row[k] ?? 0)])) as ReturnFigures;
}

/**
 * The register's figures of the CĐCS $1 (uuid[]) for the period $2 … $3, one row per CĐCS (`id` and the indicators),
 * by the one rule of membership (docs/architecture.md#grassroots-unions): a membership counts on day d when
 * admitted_on ≤ d and it has not ended (left_on null or after d). Members at the start are those of the day before the
 * period; a transfer in is not an admission; an end without a reason (before reasons were kept) counts as leaving the job;
 * women by the person's sex on the staff list (else the membership's gender); staff not members: on the list by the
 * reference day with no membership counting on it. The end always equals start + admitted + transferred in − left.
 */
export const PREFILL_SQL = `
WITH ms AS (
  SELECT m.grassroots_union_id AS g, m.admitted_on, m.left_on, coalesce(m.left_reason, 'LEFT_JOB') AS reason, m.transferred_from_id IS NOT NULL AS moved,
         coalesce(s.sex = 'FEMALE', lower(m.gender) IN ('female', 'nữ', 'nu', 'f')) AS woman
    FROM member m LEFT JOIN grassroots_staff s ON s.id = m.staff_id
   WHERE m.grassroots_union_id = ANY($1::uuid[]) AND m.admitted_on <= $3::date AND (m.left_on IS NULL OR m.left_on >= $2::date)
), figures AS (
  SELECT g,
         count(*) FILTER (WHERE admitted_on < $2::date) AS "membersAtStart",
         count(*) FILTER (WHERE admitted_on >= $2::date AND NOT moved) AS "admitted",
         count(*) FILTER (WHERE admitted_on >= $2::date AND moved) AS "transferredIn",
         count(*) FILTER (WHERE left_on <= $3::date AND reason = 'TRANSFERRED') AS "leftTransferred",
         count(*) FILTER (WHERE left_on <= $3::date AND reason = 'LEFT_JOB') AS "leftJob",
         count(*) FILTER (WHERE left_on <= $3::date AND reason = 'WITHDREW') AS "leftWithdrew",
         count(*) FILTER (WHERE left_on <= $3::date AND reason = 'EXPELLED') AS "leftExpelled",
         count(*) FILTER (WHERE left_on <= $3::date AND reason = 'DIED') AS "leftDied",
         count(*) FILTER (WHERE left_on <= $3::date AND reason = 'PAUSED') AS "leftPaused",
         count(*) FILTER (WHERE left_on IS NULL OR left_on > $3::date) AS "membersAtEnd",
         count(*) FILTER (WHERE (left_on IS NULL OR left_on > $3::date) AND woman) AS "womenMembers"
    FROM ms GROUP BY g
), outside AS (
  SELECT s.grassroots_union_id AS g, count(*) AS n
    FROM grassroots_staff s
   WHERE s.grassroots_union_id = ANY($1::uuid[]) AND (s.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= $3::date
     AND NOT EXISTS (SELECT 1 FROM member m WHERE m.staff_id = s.id AND m.admitted_on <= $3::date AND (m.left_on IS NULL OR m.left_on > $3::date))
   GROUP BY s.grassroots_union_id
)
SELECT u.id, f.*, coalesce(o.n, 0) AS "staffNotMembers"
  FROM unnest($1::uuid[]) AS u(id) LEFT JOIN figures f ON f.g = u.id LEFT JOIN outside o ON o.g = u.id`;
