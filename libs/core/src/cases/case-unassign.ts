import { OpenStage } from '@app/domain';
import { EntityManager } from 'typeorm';
import { conflict } from '../common/app-error';
import { OPEN_STAGES_SQL } from '../common/open-stages.sql';
import { connectionOf, runSql } from '../common/prepared-sql';
import { caseWriteSql } from './case-write';

/** The history comment of the cases a deactivated officer leaves behind. */
export const UNASSIGNED_ON_DEACTIVATION = 'Bỏ phân công: cán bộ đã ngừng hoạt động';

/**
 * Unassigns every open founding case of `assigneeId`, inside the caller's transaction `m` (e.g. the
 * deactivation of that user), each through the write `assignFoundingCase` makes (CasesService.assign):
 * the version-checked statement of case-write.ts, action ASSIGN, the stage unchanged, no outbox row
 * (nothing moves), one history row per case with `comment`, by `byUserId`. The cases are locked
 * first, so their versions hold until the transaction ends; a concurrent write then answers CONFLICT.
 * Recognized and closed cases keep their assignee. Returns the ids of the cases unassigned.
 */
export async function unassignOpenCases(m: EntityManager, assigneeId: string, byUserId: string, comment: string): Promise<string[]> {
  const rows: { id: string; version: number; stage: OpenStage }[] = await m.query(
    `SELECT id, version, stage FROM founding_case WHERE assignee_id = $1 AND stage IN ${OPEN_STAGES_SQL} ORDER BY id FOR UPDATE`,
    [assigneeId],
  );
  if (!rows.length) return [];
  const connection = await connectionOf(m);
  for (const r of rows) {
    const { stmt, values } = caseWriteSql({
      caseId: r.id,
      expectedVersion: r.version,
      fromStage: r.stage,
      byUserId,
      action: 'ASSIGN',
      comment,
      set: { assignee_id: null, stage: r.stage },
    });
    const [updated] = await runSql(connection, stmt, values);
    if (!updated) throw conflict('Hồ sơ vừa được người khác cập nhật — hãy thử lại');
  }
  return rows.map((r) => r.id);
}
