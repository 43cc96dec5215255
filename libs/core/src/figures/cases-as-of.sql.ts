import { OPEN_STAGES_SQL } from '../common/open-stages.sql';

/**
 * How close to an instant a stage entry must be for the history to decide which side of it the entry
 * fell on: stage_entered_at is the application's clock, case_transition.at the database's (its
 * transaction start, so normally a little earlier).
 */
const CLOCK_MARGIN = `interval '1 day'`;

/**
 * Each case of the scope (`inScope`, a condition on `c`) opened before the instant `asOf`, with its
 * stage and due day at that instant (the last step of the history before it); assignee as it is now.
 * With `from`, `entered_since` tells whether a RECOGNIZED or CLOSED case entered that stage at or
 * after `from`; `entered_at` is when it entered its stage (by the history wherever that decides
 * `entered_since`, else the case's own stage_entered_at).
 *
 * Only cases whose stage changed near or after `asOf` are replayed from the history. The others are
 * seen as they are now, which is the same answer: every change of stage or due day (advance, close,
 * reopen) enters a stage and writes stage_entered_at, and every write of a case writes a history row
 * with the case's new stage and due day (record*, assign keep both), so after the last stage entry
 * the history repeats the current stage and due day (a calendar edit that moves due days rewrites the
 * current entry's history with them, DueDaysService). A case still in the SURVEY it was opened in
 * (stage_entry 1) has at most record steps: SURVEY with its first due day. A RECOGNIZED or CLOSED case
 * that entered it well before `from` entered it before `from` by the history too.
 * Everything read from founding_case is in IDX_founding_case_as_of (by opened_at).
 */
export const CASES_AS_OF = (inScope: string, asOf: string, from?: string) => {
  const unchanged = `(c.stage = 'SURVEY' AND c.stage_entry = 1)`;
  const terminalBefore = from ? ` AND (c.stage IN ${OPEN_STAGES_SQL} OR c.stage_entered_at < ${from}::timestamptz - ${CLOCK_MARGIN})` : '';
  const current = `(${unchanged} OR c.stage_entered_at < ${asOf}::timestamptz - ${CLOCK_MARGIN}${terminalBefore})`;
  // One pass over the cases; the history is read (one index probe) only where `current` is false.
  // (The OFFSET 0 subqueries are not flattened: `current`, and then each case's stage and due day, are computed once a case.)
  return `
  SELECT c.id, c.org_unit_id, c.enterprise_id, c.assignee_id,
         CASE WHEN c.current THEN c.stage ELSE coalesce(t.to_stage, 'SURVEY') END AS stage,
         ${
           from
             ? `CASE WHEN c.current THEN (CASE WHEN c.stage IN ${OPEN_STAGES_SQL} THEN NULL ELSE false END) ELSE coalesce(t.at, c.opened_at) >= ${from} END`
             : 'NULL::boolean'
         } AS entered_since,
         CASE WHEN c.current THEN c.stage_entered_at ELSE coalesce(t.at, c.opened_at) END AS entered_at,
         CASE WHEN c.unchanged THEN c.opened_due_on WHEN c.current THEN c.stage_due_on WHEN t.case_id IS NULL THEN c.opened_due_on ELSE t.stage_due_on END AS due_on
    FROM (SELECT c.id, c.org_unit_id, c.enterprise_id, c.assignee_id, c.stage, c.stage_due_on, c.opened_due_on, c.opened_at, c.stage_entered_at,
                 ${unchanged} AS unchanged, ${current} AS current
            FROM founding_case c WHERE ${inScope} AND c.opened_at < ${asOf} OFFSET 0) c
    LEFT JOIN LATERAL (SELECT x.case_id, x.to_stage, x.stage_due_on, x.at FROM case_transition x
                        WHERE NOT c.current AND x.case_id = c.id AND x.at < ${asOf} ORDER BY x.version DESC LIMIT 1) t ON true
  OFFSET 0`;
};
