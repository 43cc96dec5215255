import { Job } from 'bullmq';
import { AuditLogService, DueDaysService, RestructuringService, RewardsService } from '@app/core';
import { ApplyOrgUnitChangesHandler, EvaluateRewardsHandler, RecomputeDueDaysHandler } from '../../apps/worker/src/handlers';
import { MAY_2025, addDays, openCase, vnToday, walkToStage } from '../support/case-fixtures';
import { TestApi, TestUser } from '../support/test-api';

/**
 * The worker's own changes are audited (docs/architecture.md#audit-log): a scheduled structure change applied at the
 * start of its day writes one row naming the change, attributed to its author; a reward evaluation writes one row
 * attributed to the system. A redelivered job adds no second row. The handlers run here over the API's services:
 * the same code a BullMQ delivery runs.
 */

jest.setTimeout(180_000);

describe('audit of the worker', () => {
  let api: TestApi;
  let admin: TestUser;

  const rowsOf = (operation: string, entity: string, entityId: string) =>
    api.db.query(`SELECT * FROM audit_log WHERE operation = $1 AND entity = $2 AND entity_id = $3`, [operation, entity, entityId]);
  const changesOf = (key: string) => api.db.query(`SELECT tbl, op, row_id, before, after FROM audit_change WHERE audit_key = $1 ORDER BY id`, [key]);

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.newAdmin();
  });
  afterAll(async () => {
    await api?.close();
  });

  it("audits a scheduled structure change applied by the worker as its author's, one row naming the change", async () => {
    const p = await api.newProvince(1);
    const tomorrow = addDays(vnToday(), 1);
    const d = await api.ok(
      `mutation($i: RenameOrgUnitInput!) { renameOrgUnit(input: $i) { id status } }`,
      { i: { id: p.unitId, name: `Công đoàn ngành Y tế mới ${p.tag}`, effectiveOn: tomorrow, decisionReference: 'QĐ 12/QĐ-LĐLĐ' } },
      admin.token,
    );
    const changeId = d.renameOrgUnit.id as string;
    expect(d.renameOrgUnit.status).toBe('SCHEDULED');

    const handler = new ApplyOrgUnitChangesHandler(api.app.get(RestructuringService));
    await handler.handle({ today: tomorrow });
    const rows = await rowsOf('job apply-org-unit-changes', 'org_unit_change', changeId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: admin.id, actor_email: admin.email, actor_role: 'ADMIN', ip: null, outcome: 'OK' });
    const changes = await changesOf(rows[0].key);
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          tbl: 'org_unit',
          op: 'UPDATE',
          row_id: p.unitId,
          after: expect.objectContaining({ name: `Công đoàn ngành Y tế mới ${p.tag}` }),
        }),
        expect.objectContaining({ tbl: 'org_unit_change', op: 'UPDATE', row_id: changeId, after: expect.objectContaining({ status: 'APPLIED' }) }),
      ]),
    );

    // Run again (a redelivered job): nothing left to apply, no second row.
    await handler.handle({ today: tomorrow });
    expect(await rowsOf('job apply-org-unit-changes', 'org_unit_change', changeId)).toHaveLength(1);
    expect(await changesOf(rows[0].key)).toHaveLength(changes.length);
  });

  it('audits a change the worker could not apply (FAILED, with its reason) the same way', async () => {
    const p = await api.newProvince(1);
    const later = addDays(vnToday(), 2);
    const rename = await api.ok(
      `mutation($i: RenameOrgUnitInput!) { renameOrgUnit(input: $i) { id } }`,
      { i: { id: p.unitId, name: `Tên không dùng ${p.tag}`, effectiveOn: later, decisionReference: 'QĐ 13/QĐ-LĐLĐ' } },
      admin.token,
    );
    const changeId = rename.renameOrgUnit.id as string;
    // The unit is gone before the day comes (removed behind the application's back): the change no longer fits.
    await api.db.query(`UPDATE org_unit SET dissolved_at = now() WHERE id = $1`, [p.unitId]);
    await new ApplyOrgUnitChangesHandler(api.app.get(RestructuringService)).handle({ today: later });
    const [change] = await api.db.query(`SELECT status, failure FROM org_unit_change WHERE id = $1`, [changeId]);
    expect(change.status).toBe('FAILED');
    const rows = await rowsOf('job apply-org-unit-changes', 'org_unit_change', changeId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: admin.id, actor_role: 'ADMIN' });
    expect(await changesOf(rows[0].key)).toEqual([
      expect.objectContaining({ tbl: 'org_unit_change', op: 'UPDATE', row_id: changeId, after: { status: 'FAILED', failure: change.failure } }),
    ]);
  });

  it("audits a reward evaluation by the worker as the system's, one row per job however often it is delivered", async () => {
    const q = await api.newProvince(1);
    await walkToStage(api, q, 'RECOGNIZED', { assignee: q.officers[0], dates: MAY_2025 });
    const handler = new EvaluateRewardsHandler(api.app.get(RewardsService), api.app.get(AuditLogService));
    const delivery = { queueName: 'rewards', id: `audit-${q.tag}` } as Job;
    const payload = { orgUnitId: q.unitId, occasion: 'WORKERS_MONTH' as const, year: 2025 };
    expect(await handler.handle(payload, delivery)).toEqual({ nominations: 2 });
    expect(await handler.handle(payload, delivery)).toEqual({ nominations: 2 });

    const rows = await api.db.query(
      `SELECT l.* FROM audit_log l WHERE l.operation = 'job evaluate-rewards'
          AND EXISTS (SELECT 1 FROM audit_change c WHERE c.audit_key = l.key AND c.tbl = 'reward_nomination' AND c.unit_id = $1)`,
      [q.unitId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: null, actor_email: null, actor_role: 'SYSTEM', entity: 'reward_nomination' });
    const inserted = (await changesOf(rows[0].key)).filter((c: any) => c.tbl === 'reward_nomination' && c.op === 'INSERT');
    expect(inserted).toHaveLength(2);
  });

  it("audits the due days a calendar day moves, recomputed by the worker, as the system's", async () => {
    const p = await api.newProvince(1);
    const ref = await openCase(api, p);
    const [before] = await api.db.query(`SELECT to_char(stage_due_on, 'YYYY-MM-DD') AS due FROM founding_case WHERE id = $1`, [ref.caseId]);
    // A working weekday before the case's due day, off from now on (written by another path: only the job moves the days).
    const taken = new Set((await api.db.query(`SELECT to_char(day, 'YYYY-MM-DD') AS d FROM calendar_day`)).map((r: any) => r.d));
    let day = addDays(vnToday(), 2);
    while (taken.has(day) || [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) day = addDays(day, 1);
    expect(day < before.due).toBe(true);
    const handler = new RecomputeDueDaysHandler(api.app.get(DueDaysService), api.app.get(AuditLogService));
    const rowOf = async (key: string) =>
      api.db.query(
        `SELECT l.* FROM audit_log l WHERE l.operation = 'job recompute-due-days'
            AND EXISTS (SELECT 1 FROM audit_change c WHERE c.audit_key = l.key AND c.tbl = 'founding_case' AND c.row_id = $1 AND c.after->>'stage_due_on' = $2)`,
        [ref.caseId, key],
      );
    await api.db.query(`INSERT INTO calendar_day (day, kind, note) VALUES ($1, 'DAY_OFF', 'Nghỉ theo thông báo kiểm tra')`, [day]);
    try {
      await handler.handle({ day }, { queueName: 'system', id: `due-${p.tag}-1` } as Job);
      const [moved] = await api.db.query(`SELECT to_char(stage_due_on, 'YYYY-MM-DD') AS due FROM founding_case WHERE id = $1`, [ref.caseId]);
      expect(moved.due > before.due).toBe(true);
      const rows = await rowOf(moved.due);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actor_id: null, actor_role: 'SYSTEM', outcome: 'OK' });
    } finally {
      await api.db.query(`DELETE FROM calendar_day WHERE day = $1`, [day]);
      await handler.handle({ day }, { queueName: 'system', id: `due-${p.tag}-2` } as Job);
    }
    // Taking the day back is a job of its own: its own row, the due day as it was.
    expect(await rowOf(before.due)).toHaveLength(1);
  });
});
