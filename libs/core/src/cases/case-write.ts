import { CaseStage, IsoDate } from '@app/domain';
import { PreparedSql, preparedSql } from '../common/prepared-sql';
import { SqlParams } from '../common/sql-params';
import { caseColumnList } from './case-row';

export type EvidenceKind = 'SURVEY' | 'OUTREACH' | 'COMMITTEE' | 'CONGRESS' | 'DECISION';

/** The rows one change of a case writes: its new column values, its evidence (if any) and its history row. */
export interface CaseWrite {
  caseId: string;
  expectedVersion: number;
  fromStage: CaseStage;
  byUserId: string;
  action: string;
  comment: string | null;
  /** Columns of `founding_case` to set (snake_case, always with `stage`); `version` is bumped by the statement. */
  set: Record<string, unknown>;
  evidence?: { kind: EvidenceKind; occurredOn: IsoDate; details: Record<string, unknown> };
}

/**
 * The version-checked UPDATE, the evidence INSERT and the history INSERT as one statement (one round
 * trip, one parse/plan per connection). The INSERTs read the updated row: when the version check
 * matches no row, nothing is written and no row comes back. Returns the case as updated.
 * Parameters of the INSERTs are cast: in `INSERT … SELECT` Postgres would take them as text.
 */
export function caseWriteSql(w: CaseWrite): { stmt: PreparedSql; values: unknown[] } {
  // $1–$6 (and $7–$9 with evidence) are fixed slots the text names; the columns set take the next ones.
  const p = new SqlParams();
  p.values.push(w.caseId, w.expectedVersion, w.byUserId, w.action, w.fromStage, w.comment);
  let evidence = '';
  if (w.evidence) {
    p.values.push(w.evidence.kind, w.evidence.occurredOn, JSON.stringify(w.evidence.details));
    evidence = `, evidence AS (
  INSERT INTO case_evidence (case_id, kind, stage, occurred_on, details, recorded_by)
  SELECT u.id, $7::varchar, $5::varchar, $8::date, $9::jsonb, $3::uuid FROM u
)`;
  }
  const set = Object.keys(w.set)
    .map((c) => `"${c}" = ${p.add(w.set[c])}`)
    .join(', ');
  const text = `WITH u AS (
  UPDATE founding_case SET ${set}, version = version + 1
   WHERE id = $1 AND version = $2
  RETURNING ${caseColumnList()}
)${evidence}, history AS (
  INSERT INTO case_transition (case_id, version, action, from_stage, to_stage, stage_due_on, by_user_id, comment)
  SELECT u.id, u.version, $4::varchar, $5::varchar, u.stage, u.stage_due_on, $3::uuid, $6::text FROM u
)
SELECT * FROM u`;
  return { stmt: preparedSql(text), values: p.values };
}
