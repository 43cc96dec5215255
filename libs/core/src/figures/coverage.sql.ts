import { FOCUS_WORKER_THRESHOLD } from '@app/domain';

/**
 * Coverage on day `at` (a parameter) of the units `scope` (a subquery of ids): the per-unit tallies kept by
 * triggers on enterprise, corrected for the few enterprises with a recognition (the recognition day decides) and
 * for the few closed after the day (still operating on it). See docs/architecture.md#figures.
 */
export function coverageSql(at: string, scope: string): string {
  // (the tally's threshold is the same, written into its trigger)
  const focus = `e.worker_count >= ${Number(FOCUS_WORKER_THRESHOLD)}`;
  return `WITH rc AS (SELECT c.enterprise_id, min(c.recognized_on) AS recognized_on FROM founding_case c
                    WHERE c.recognized_on IS NOT NULL AND c.org_unit_id IN ${scope} GROUP BY c.enterprise_id),
       -- (the scope's units as keys of the tally's primary key)
       reg AS (SELECT coalesce(sum(t.focus), 0)::int AS total, coalesce(sum(t.focus_with_union), 0)::int AS with_union FROM enterprise_tally t
                WHERE t.org_unit_id = ANY (ARRAY${scope})),
       -- (the enterprises by primary key: there are few recognitions, a hash join would read every enterprise)
       fix AS (SELECT coalesce(sum((rc.recognized_on <= ${at})::int - e.has_union::int), 0)::int AS d FROM rc
                 JOIN LATERAL (SELECT e.has_union, e.org_unit_id FROM enterprise e WHERE e.id = rc.enterprise_id AND ${focus} AND e.closed_on IS NULL OFFSET 0) e ON true
                WHERE e.org_unit_id IN ${scope}),
       -- (closed after the day: out of the tally, still operating on the day; few, from the partial index IDX_enterprise_closed_on)
       later AS (SELECT count(*)::int AS total,
                        count(*) FILTER (WHERE CASE WHEN rc.recognized_on IS NULL THEN e.has_union ELSE rc.recognized_on <= ${at} END)::int AS with_union
                   FROM enterprise e LEFT JOIN rc ON rc.enterprise_id = e.id
                  WHERE e.closed_on > ${at} AND ${focus} AND e.org_unit_id IN ${scope}),
       -- (moved to another unit by a restructuring after the day: counted where they are now above, where they were on the
       --  day here; docs/architecture.md#restructuring)
       moved AS (SELECT DISTINCT ON (r.subject_id) r.subject_id AS id, r.from_unit_id FROM unit_reassignment r
                  WHERE r.subject = 'ENTERPRISE' AND r.effective_on > ${at}::date ORDER BY r.subject_id, r.effective_on, r.id),
       mv AS (SELECT e.org_unit_id IN ${scope} AS now_in, moved.from_unit_id IN ${scope} AS then_in,
                     CASE WHEN rc.recognized_on IS NULL THEN e.has_union ELSE rc.recognized_on <= ${at} END AS union_now_rule,
                     CASE WHEN ra.recognized_on IS NULL THEN e.has_union ELSE ra.recognized_on <= ${at} END AS union_then
                FROM moved JOIN enterprise e ON e.id = moved.id AND ${focus} AND (e.closed_on IS NULL OR e.closed_on > ${at})
                LEFT JOIN rc ON rc.enterprise_id = e.id
                LEFT JOIN LATERAL (SELECT min(c.recognized_on) AS recognized_on FROM founding_case c WHERE c.enterprise_id = e.id) ra ON true),
       mfix AS (SELECT coalesce(sum(then_in::int - now_in::int), 0)::int AS total,
                       coalesce(sum((then_in AND union_then)::int - (now_in AND union_now_rule)::int), 0)::int AS with_union FROM mv)
       SELECT reg.total + later.total + mfix.total AS total, reg.with_union + fix.d + later.with_union + mfix.with_union AS with_union
         FROM reg, fix, later, mfix`;
}
