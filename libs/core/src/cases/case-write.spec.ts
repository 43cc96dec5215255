import { CaseStage } from '@app/domain';
import { CASE_COLUMNS } from './case-row';
import { CaseWrite, caseWriteSql } from './case-write';

const CASE_ID = '6f1c2a4e-0b7d-4c55-9a0e-3d2f1b8c7e61';
const USER_ID = 'a3d9e0f2-5c1b-4e7a-8f60-1b2c3d4e5f60';

/** A write in the shape CasesService.change() builds: `set` always carries `stage`. */
function write(over: Partial<CaseWrite> = {}): CaseWrite {
  return {
    caseId: CASE_ID,
    expectedVersion: 4,
    fromStage: CaseStage.OUTREACH,
    byUserId: USER_ID,
    action: 'RECORD_OUTREACH',
    comment: null,
    set: { stage: CaseStage.OUTREACH },
    ...over,
  };
}

/** The $n placeholders the statement text uses, as numbers, each once. */
function placeholders(text: string): number[] {
  return [...new Set([...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('caseWriteSql: the version-checked UPDATE with its history row (and evidence), as one statement', () => {
  it('passes the fixed parameters first, in order, then the set columns in key order', () => {
    const enteredAt = new Date('2025-03-04T02:00:00Z');
    const { values } = caseWriteSql(
      write({
        action: 'ADVANCE',
        comment: 'đủ điều kiện',
        set: { stage_entered_at: enteredAt, stage_entry: 3, stage_due_on: '2025-04-01', stage: CaseStage.GUIDANCE },
      }),
    );
    expect(values).toEqual([CASE_ID, 4, USER_ID, 'ADVANCE', CaseStage.OUTREACH, 'đủ điều kiện', enteredAt, 3, '2025-04-01', CaseStage.GUIDANCE]);
    // Passed through untouched (the driver serializes a Date itself).
    expect(values[6]).toBe(enteredAt);
  });

  it('updates by id only at the expected version, bumps the version, and sets each column to its own parameter', () => {
    const { stmt } = caseWriteSql(write({ set: { assignee_id: USER_ID, stage: CaseStage.OUTREACH } }));
    const text = squash(stmt.text);
    expect(text).toContain('UPDATE founding_case SET "assignee_id" = $7, "stage" = $8, version = version + 1 WHERE id = $1 AND version = $2');
    // Nothing else decides which row changes: no other WHERE in the statement.
    expect(text.match(/WHERE/g)).toHaveLength(1);
  });

  it('returns the listed case columns, never *, so that it can stay a prepared statement across migrations', () => {
    const { stmt } = caseWriteSql(write());
    const returning = /RETURNING ([^)]*)\)/.exec(squash(stmt.text))?.[1].trim();
    expect(returning?.split(', ')).toEqual([...CASE_COLUMNS]);
    expect(stmt.text).toMatch(/SELECT \* FROM u\s*$/); // the CTE's listed columns, not the table's
  });

  it('writes the history row from the updated row: its new version, stage and due day, with the action, from-stage, actor and comment', () => {
    const { stmt } = caseWriteSql(write({ comment: 'note' }));
    const text = squash(stmt.text);
    expect(text).toContain(
      'history AS ( INSERT INTO case_transition (case_id, version, action, from_stage, to_stage, stage_due_on, by_user_id, comment) ' +
        'SELECT u.id, u.version, $4::varchar, $5::varchar, u.stage, u.stage_due_on, $3::uuid, $6::text FROM u )',
    );
  });

  it('writes no evidence when the change has none', () => {
    const { stmt, values } = caseWriteSql(write());
    expect(stmt.text).not.toContain('case_evidence');
    expect(values).toHaveLength(7);
  });

  it('writes the evidence from the updated row, at the from-stage, with its kind, day and details as parameters 7-9', () => {
    const details = { workersReached: 120, workersInterested: 45 };
    const { stmt, values } = caseWriteSql(write({ evidence: { kind: 'OUTREACH', occurredOn: '2025-03-03', details } }));
    const text = squash(stmt.text);
    expect(values.slice(6, 9)).toEqual(['OUTREACH', '2025-03-03', JSON.stringify(details)]);
    expect(text).toContain(
      'evidence AS ( INSERT INTO case_evidence (case_id, kind, stage, occurred_on, details, recorded_by) ' +
        'SELECT u.id, $7::varchar, $5::varchar, $8::date, $9::jsonb, $3::uuid FROM u )',
    );
    // The set columns move up behind the evidence's parameters.
    expect(text).toContain('SET "stage" = $10, version = version + 1');
    expect(values[9]).toBe(CaseStage.OUTREACH);
    // u first (the INSERTs read it), then the evidence, then the history.
    expect(text.indexOf('WITH u AS (')).toBe(0);
    expect(text.indexOf('evidence AS (')).toBeLessThan(text.indexOf('history AS ('));
  });

  it('uses every parameter it passes, and no other (an unused one fails to prepare)', () => {
    const cases: CaseWrite[] = [
      write(),
      write({ set: { dossier_completed_on: '2025-03-01', stage: CaseStage.FOUNDING_CEREMONY } }),
      write({ evidence: { kind: 'SURVEY', occurredOn: '2025-01-02', details: { workerCount: 80, hasUnion: false } } }),
      write({
        set: { decision_number: '12/QĐ-CĐ', decided_on: '2025-05-20', stage: CaseStage.RECOGNITION_DECISION },
        evidence: { kind: 'DECISION', occurredOn: '2025-05-20', details: { decisionNumber: '12/QĐ-CĐ' } },
      }),
    ];
    for (const w of cases) {
      const { stmt, values } = caseWriteSql(w);
      expect(placeholders(stmt.text)).toEqual(range(values.length));
    }
  });

  it('gives writes that differ only in values one prepared statement, and writes of another shape another', () => {
    const a = caseWriteSql(write({ caseId: CASE_ID, expectedVersion: 2, comment: 'a', set: { assignee_id: USER_ID, stage: CaseStage.SURVEY } }));
    const b = caseWriteSql(write({ caseId: USER_ID, expectedVersion: 9, comment: null, set: { assignee_id: CASE_ID, stage: CaseStage.OUTREACH } }));
    expect(b.stmt).toBe(a.stmt);
    expect(a.stmt.name).toMatch(/^cdcs_[0-9a-f]{20}$/);
    const otherColumns = caseWriteSql(write({ set: { stage: CaseStage.SURVEY } }));
    const withEvidence = caseWriteSql(
      write({ set: { assignee_id: USER_ID, stage: CaseStage.SURVEY }, evidence: { kind: 'COMMITTEE', occurredOn: '2025-02-02', details: {} } }),
    );
    expect(new Set([a.stmt.name, otherColumns.stmt.name, withEvidence.stmt.name]).size).toBe(3);
  });

  it('keeps the values out of the statement text (they travel as parameters)', () => {
    const hostile = `x'); DROP TABLE founding_case; --`;
    const { stmt, values } = caseWriteSql(
      write({ comment: hostile, action: hostile, evidence: { kind: 'SURVEY', occurredOn: '2025-01-02', details: { contactName: hostile } } }),
    );
    expect(stmt.text).not.toContain('DROP TABLE');
    expect(values).toContain(hostile);
  });
});
