import { OPEN_STAGES_SQL } from '../common/open-stages.sql';

/**
 * A close's cases counted per unit, assignee, stage, late or not, and (for RECOGNIZED and CLOSED) the
 * month it entered that stage, in Asia/Ho_Chi_Minh: every case figure of a period that ends on the
 * close's day and starts on a month's first day is a sum of these rows (CloseTally in
 * case-figure-source.ts). PeriodCloseService writes them for the close of `closedOn`.
 */
export const CASE_CLOSE_TALLY_SQL = (closedOn: string) => `
  INSERT INTO case_close_tally (closed_on, org_unit_id, assignee_id, stage, late, entered_month, cases)
  SELECT s.closed_on, s.org_unit_id, s.assignee_id, s.stage, coalesce(s.stage IN ${OPEN_STAGES_SQL} AND s.due_on <= s.closed_on, false),
         CASE WHEN s.stage IN ${OPEN_STAGES_SQL} THEN NULL ELSE date_trunc('month', s.entered_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date END, count(*)
    FROM case_close_state s WHERE s.closed_on = ${closedOn}
   GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`;
