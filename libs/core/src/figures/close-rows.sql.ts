/**
 * CASES_AS_OF read from a period close (PeriodCloseService): the same rows, from the close alone (it
 * keeps every case opened before its end, with the case's unit and enterprise, fixed at opening),
 * except that the assignee is the one the case had at the close: a closed period credits each officer
 * with the cases they held at its end, however the cases are reassigned later. `inScope` is a
 * condition on `c` as for CASES_AS_OF.
 */
export const CLOSE_ROWS = (inScope: string, closedOn: string, from?: string) => `
  SELECT c.case_id AS id, c.org_unit_id, c.enterprise_id, c.assignee_id, c.stage, ${from ? `c.entered_at >= ${from}` : 'NULL::boolean'} AS entered_since, c.due_on
    FROM case_close_state c WHERE c.closed_on = ${closedOn}::date AND ${inScope}`;
