import { RawRow } from '../common/prepared-sql';
import { FoundingCaseEntity } from '@app/persistence';
import { CaseFacts, CaseStage, OpenStage } from '@app/domain';

/** A case as loaded for a write: the row, its unit's path and the facts its guards read. */
export interface CaseRow {
  entity: FoundingCaseEntity;
  orgPath: string;
  enterpriseName: string;
  enterpriseOwnership: string | null;
  facts: CaseFacts;
}

/** Columns of `founding_case` in SQL (snake_case) → entity fields. */
export function caseEntityFromRaw(r: RawRow): FoundingCaseEntity {
  return Object.assign(new FoundingCaseEntity(), {
    id: r.id,
    enterpriseId: r.enterprise_id,
    orgUnitId: r.org_unit_id,
    assigneeId: r.assignee_id,
    stage: r.stage,
    version: r.version,
    stageEnteredAt: r.stage_entered_at,
    stageEntry: r.stage_entry,
    stageDueOn: r.stage_due_on,
    openedDueOn: r.opened_due_on,
    warningOn: r.warning_on,
    criticalOn: r.critical_on,
    closedFromStage: r.closed_from_stage,
    closedReason: r.closed_reason,
    dossierCompletedOn: r.dossier_completed_on,
    decisionNumber: r.decision_number,
    decidedOn: r.decided_on,
    recognizedOn: r.recognized_on,
    grassrootsUnionId: r.grassroots_union_id,
    openedAt: r.opened_at,
    openedBy: r.opened_by,
  });
}

/** The columns caseEntityFromRaw reads, listed (not `*`) so that they can be prepared statements' results. */
export const CASE_COLUMNS = [
  'id',
  'enterprise_id',
  'org_unit_id',
  'assignee_id',
  'stage',
  'version',
  'stage_entered_at',
  'stage_entry',
  'stage_due_on',
  'opened_due_on',
  'warning_on',
  'critical_on',
  'closed_from_stage',
  'closed_reason',
  'dossier_completed_on',
  'decision_number',
  'decided_on',
  'recognized_on',
  'grassroots_union_id',
  'opened_at',
  'opened_by',
] as const;

/** `CASE_COLUMNS` as a select list, each column qualified by `alias` when given. */
export function caseColumnList(alias?: string): string {
  return CASE_COLUMNS.map((c) => (alias ? `${alias}.${c}` : c)).join(', ');
}

// One pass over the case's evidence (a subquery per fact would read it five times: about 2× the Postgres CPU).
export const LOAD_CASE_SQL = `
SELECT ${caseColumnList('c')}, o.path AS org_path, e.name AS enterprise_name, e.ownership AS enterprise_ownership,
  v.survey, v.outreach_count, v.committee_formed, v.congress_held, v.decision_recorded,
  (SELECT count(*)::int FROM membership_application a WHERE a.case_id = c.id AND a.status = 'SUBMITTED') AS eligible_applications
FROM founding_case c
JOIN org_unit o ON o.id = c.org_unit_id
JOIN enterprise e ON e.id = c.enterprise_id
CROSS JOIN LATERAL (
  SELECT (array_agg(x.details ORDER BY x.id DESC) FILTER (WHERE x.kind = 'SURVEY'))[1] AS survey,
         count(*) FILTER (WHERE x.kind = 'OUTREACH')::int AS outreach_count,
         coalesce(bool_or(x.kind = 'COMMITTEE'), false) AS committee_formed,
         coalesce(bool_or(x.kind = 'CONGRESS'), false) AS congress_held,
         coalesce(bool_or(x.kind = 'DECISION'), false) AS decision_recorded
    FROM case_evidence x WHERE x.case_id = c.id) v
WHERE c.id = $1`;

export function caseRowFromRaw(r: RawRow): CaseRow {
  const entity = caseEntityFromRaw(r);
  return {
    entity,
    orgPath: r.org_path,
    enterpriseName: r.enterprise_name,
    enterpriseOwnership: r.enterprise_ownership,
    facts: {
      stage: r.stage as CaseStage,
      closedFromStage: (r.closed_from_stage as OpenStage) ?? null,
      assigneeId: r.assignee_id,
      survey: r.survey ? { workerCount: Number(r.survey.workerCount), hasUnion: Boolean(r.survey.hasUnion) } : null,
      outreachCount: r.outreach_count,
      committeeFormed: r.committee_formed,
      eligibleApplications: r.eligible_applications,
      congressHeld: r.congress_held,
      dossierCompletedOn: r.dossier_completed_on,
      decisionRecorded: r.decision_recorded,
    },
  };
}
