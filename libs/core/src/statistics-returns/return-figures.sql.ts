import { NULLABLE_INDICATORS, RETURN_INDICATORS, ReturnFigures, ReturnIndicator } from '@app/domain';

// The figures of statistics returns in SQL (docs/architecture.md#statistics-returns).

/** The column of an indicator: membersAtStart → members_at_start. */
export const columnOf = (k: ReturnIndicator): string => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const FIGURE_COLUMNS = RETURN_INDICATORS.map(columnOf);

/** `prefix.column AS "indicator"` for every indicator. */
export const figuresSelect = (prefix: string): string => RETURN_INDICATORS.map((k) => `${prefix}.${columnOf(k)} AS "${k}"`).join(', ');

/** The figures of a row whose columns are named by indicator (counts may come back as strings); a blank nullable one stays null. */
export function figuresOf(row: Record<string, unknown>): ReturnFigures {
  return Object.fromEntries(RETURN_INDICATORS.map((k) => [k, row[k] == null ? (NULLABLE_INDICATORS.includes(k) ? null : 0) : Number(row[k])])) as ReturnFigures;
}

/**
 * The register's figures of the CĐCS $1 (uuid[]) for the period $2 … $3, one row per CĐCS (`id` and the indicators),
 * by the one rule of membership (docs/architecture.md#grassroots-unions): a membership counts on day d when
 * admitted_on ≤ d and it has not ended (left_on null or after d). Members at the start are those of the day before the
 * period; a transfer in is not an admission; an end without a reason (before reasons were kept) counts as leaving the job;
 * women by the person's sex on the staff list (else the membership's gender); staff not members: on the list by the
 * reference day with no membership counting on it. Memberships ended by a CĐCS dissolved by policy (DISSOLVED) are their own decrease. The end always equals start + admitted + transferred in − left.
 * Party (form 4A-KNĐ): members recommended by a resolution dated in the period, and those admitted on a day in it; union
 * groups kept on the reference day, null when none (docs/architecture.md#party-recommendations-and-union-groups).
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
         count(*) FILTER (WHERE left_on <= $3::date AND reason = 'DISSOLVED') AS "leftDissolved",
         count(*) FILTER (WHERE left_on IS NULL OR left_on > $3::date) AS "membersAtEnd",
         count(*) FILTER (WHERE (left_on IS NULL OR left_on > $3::date) AND woman) AS "womenMembers"
    FROM ms GROUP BY g
), outside AS (
  SELECT s.grassroots_union_id AS g, count(*) AS n
    FROM grassroots_staff s
   WHERE s.grassroots_union_id = ANY($1::uuid[]) AND (s.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= $3::date
     AND NOT EXISTS (SELECT 1 FROM member m WHERE m.staff_id = s.id AND m.admitted_on <= $3::date AND (m.left_on IS NULL OR m.left_on > $3::date))
   GROUP BY s.grassroots_union_id
), party AS (
  SELECT pm.grassroots_union_id AS g,
         count(*) FILTER (WHERE p.resolution_on BETWEEN $2::date AND $3::date) AS recommended,
         count(*) FILTER (WHERE pm.outcome = 'ADMITTED' AND pm.decided_on BETWEEN $2::date AND $3::date) AS admitted
    FROM party_recommendation_member pm JOIN party_recommendation p ON p.id = pm.recommendation_id
   WHERE pm.grassroots_union_id = ANY($1::uuid[])
     AND (p.resolution_on BETWEEN $2::date AND $3::date OR (pm.outcome = 'ADMITTED' AND pm.decided_on BETWEEN $2::date AND $3::date))
   GROUP BY pm.grassroots_union_id
), groups AS (
  SELECT ug.grassroots_union_id AS g, count(*) AS n
    FROM union_group ug
   WHERE ug.grassroots_union_id = ANY($1::uuid[]) AND (ug.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= $3::date
     AND (ug.removed_at IS NULL OR (ug.removed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > $3::date)
   GROUP BY ug.grassroots_union_id
)
SELECT u.id, f.*, coalesce(o.n, 0) AS "staffNotMembers", coalesce(pr.recommended, 0) AS "partyRecommended", coalesce(pr.admitted, 0) AS "partyAdmitted",
       gr.n AS "unionGroups"
  FROM unnest($1::uuid[]) AS u(id) LEFT JOIN figures f ON f.g = u.id LEFT JOIN outside o ON o.g = u.id
  LEFT JOIN party pr ON pr.g = u.id LEFT JOIN groups gr ON gr.g = u.id`;
