import { Actor, CalendarService, EscalationsService, FiguresService, RestructuringService, Role, UsersService } from '@app/core';
import { IsoDate, vnDateOf } from '@app/domain';
import { PASSWORD, Province, TestApi, newTaxCode } from '../support/test-api';
import { codeOf, errorOf, openCase } from '../support/case-fixtures';
import { Cdcs, newCdcs } from '../support/grassroots';

/**
 * The 2025 story (docs/architecture.md#restructuring): cases and members under a sector union in January–February,
 * its dissolution decided on 28/02 into a bloc union founded from 01/03, applied by two workers at once, a later
 * merge of another sector union into the bloc, and the figures, scope and refusals around them.
 */
describe('restructuring: the 2025 story', () => {
  let api: TestApi;
  let figures: FiguresService;
  let admin: { id: string; email: string; token: string };
  let adminActor: Actor;
  let p: Province;
  let a: Cdcs;
  let b: Cdcs;
  let blocId: string;
  let caseId: string;
  const today = () => vnDateOf(new Date());
  /** The service as it runs on `day` (its clock fixed; the database real). */
  const on = (day: IsoDate) => new RestructuringService(api.db, { today: () => day } as unknown as CalendarService);
  const JAN_FEB = { start: '2025-01-01', end: '2025-02-28' };
  const Q1 = { start: '2025-01-01', end: '2025-03-31' };
  const unit = async (id: string) => (await api.db.query(`SELECT id, path FROM org_unit WHERE id = $1`, [id]))[0] as { id: string; path: string };
  const addMembers = (g: string, day: string, n: number) =>
    api.db.query(
      `INSERT INTO member (grassroots_union_id, full_name, birth_year, gender, admitted_on) SELECT $1, 'Đoàn viên ' || i, 1990, 'Nữ', $2::date FROM generate_series(1, $3) i`,
      [g, day, n],
    );
  const newMembers = async (id: string, period: { start: string; end: string }) => figures.newMembers(api.db, await unit(id), period);
  const tree = `query($r: ID, $d: Date) { orgUnitTree(rootId: $r, asOf: $d) { id name parentId } }`;
  const history = `query($id: ID!) { orgUnitHistory(id: $id) { id kind kindLabel status effectiveOn decisionReference summary createdByName } }`;
  let reportBefore: unknown;
  let escalationsBefore: unknown[];
  let caseBefore: Record<string, unknown>;

  beforeAll(async () => {
    api = await TestApi.start();
    figures = api.app.get(FiguresService);
    admin = await api.newAdmin();
    adminActor = { userId: admin.id, role: Role.ADMIN, orgUnitId: '', orgPath: '', fullName: 'Admin', email: admin.email };
    p = await api.newProvince(2);
    a = await newCdcs(api, p, 'Bệnh viện Đa khoa');
    b = await newCdcs(api, p, 'Trung tâm Y tế');
    await addMembers(a.id, '2025-01-15', 3);
    await addMembers(a.id, '2025-02-10', 2);
    await addMembers(b.id, '2025-01-20', 2);
    // An open case of the sector union, opened 10/01/2025 and late since (its clock and escalations must survive the move).
    const ref = await openCase(api, p);
    caseId = ref.caseId;
    await api.db.query(
      `UPDATE founding_case SET opened_at = '2025-01-10 09:00+07', stage_entered_at = '2025-01-10 09:00+07', opened_due_on = '2025-01-24',
              stage_due_on = '2025-01-24', warning_on = '2025-01-21', critical_on = '2025-01-31' WHERE id = $1`,
      [caseId],
    );
    await api.db.query(`INSERT INTO target (year, org_unit_id, new_members, new_grassroots_unions, set_by) VALUES (2025, $1, 100, 2, $2)`, [
      p.unitId,
      admin.id,
    ]);
    await api.app.get(EscalationsService).sweepCase(caseId);
    escalationsBefore = await api.db.query(`SELECT id, level, stage_entry, raised_at FROM escalation WHERE case_id = $1 ORDER BY id`, [caseId]);
    [caseBefore] = await api.db.query(
      `SELECT stage, version, stage_due_on, warning_on, critical_on, stage_entered_at, stage_entry, assignee_id FROM founding_case WHERE id = $1`,
      [caseId],
    );
    reportBefore = await figures.reportFigures(await unit(p.unitId), JAN_FEB, today());
  }, 60_000);

  afterAll(() => api.close());

  it('founds the bloc union from 01/03 and schedules the dissolution decided on 28/02', async () => {
    expect(escalationsBefore.length).toBeGreaterThan(0);
    const found = await on('2025-02-28').found(adminActor, {
      name: `Công đoàn Khối các cơ quan tỉnh ${p.tag}`,
      kind: 'UPPER_LEVEL',
      parentId: p.federationId,
      effectiveOn: '2025-03-01',
      decisionReference: 'Quyết định số 120/QĐ-LĐLĐ ngày 28/02/2025',
    });
    expect(found.status).toBe('APPLIED');
    [{ id: blocId }] = await api.db.query(`SELECT id FROM org_unit WHERE parent_id = $1 AND name LIKE 'Công đoàn Khối%'`, [p.federationId]);
    const change = await on('2025-02-28').dissolve(adminActor, {
      id: p.unitId,
      effectiveOn: '2025-03-01',
      transferTo: blocId,
      officers: 'MOVE',
      targets: 'MOVE',
      decisionReference: 'Quyết định số 125/QĐ-LĐLĐ ngày 28/02/2025',
    });
    expect(change).toMatchObject({ kind: 'DISSOLVE', status: 'SCHEDULED', effectiveOn: '2025-03-01', kindLabel: 'Giải thể' });
    // Nothing moved yet: the CĐCS still hang under the sector union.
    expect((await api.db.query(`SELECT parent_id FROM org_unit WHERE id = $1`, [a.id]))[0].parent_id).toBe(p.unitId);
  });

  it('is applied once at the start of 01/03 even by two workers at once', async () => {
    const [x, y] = await Promise.all([on('2025-03-01').applyDue('2025-03-01'), on('2025-03-01').applyDue('2025-03-01')]);
    expect(x.applied + y.applied).toBe(1);
    expect(x.failed + y.failed).toBe(0);
    const [again] = await Promise.all([on('2025-03-02').applyDue('2025-03-02')]);
    expect(again.applied).toBe(0);
    const rows = await api.db.query(`SELECT status, count(*)::int AS n FROM org_unit_change WHERE $1 = ANY(unit_ids) GROUP BY status`, [p.unitId]);
    expect(rows).toEqual([{ status: 'APPLIED', n: 1 }]);
    expect((await api.db.query(`SELECT count(*)::int AS n FROM org_unit_span WHERE unit_id = $1`, [a.id]))[0].n).toBe(2);
    await addMembers(a.id, '2025-03-10', 4);
  });

  it('shows the tree as of either day', async () => {
    const before = await api.ok(tree, { r: p.federationId, d: '2025-02-28' }, admin.token);
    const after = await api.ok(tree, { r: p.federationId, d: '2025-03-01' }, admin.token);
    const parentOf = (t: { id: string; parentId: string }[], id: string) => t.find((u) => u.id === id)?.parentId;
    expect(parentOf(before.orgUnitTree, a.id)).toBe(p.unitId);
    expect(before.orgUnitTree.map((u: { id: string }) => u.id)).not.toContain(blocId);
    expect(parentOf(after.orgUnitTree, a.id)).toBe(blocId);
    expect(after.orgUnitTree.map((u: { id: string }) => u.id)).not.toContain(p.unitId);
  });

  it('counts January–February for the sector union and March on for the bloc union', async () => {
    expect(await newMembers(p.unitId, JAN_FEB)).toBe(7);
    expect(await newMembers(blocId, JAN_FEB)).toBe(0);
    expect(await newMembers(p.unitId, Q1)).toBe(7);
    expect(await newMembers(blocId, Q1)).toBe(4);
    expect(await newMembers(p.federationId, Q1)).toBe(11);
    // Stages at the end of Q1: the open case is the bloc's; at the end of February it was the sector union's.
    const q1Bloc = await figures.figures(await unit(blocId), Q1, today());
    const q1Sector = await figures.figures(await unit(p.unitId), Q1, today());
    expect(q1Bloc.stages.find((s) => s.stage === 'SURVEY')).toMatchObject({ count: 1, overdue: 1 });
    expect(q1Sector.stages.find((s) => s.stage === 'SURVEY')).toMatchObject({ count: 0 });
    expect(q1Bloc.newMembers).toMatchObject({ actual: 4, target: 100 });
  });

  it('rebuilds the past report of the sector union exactly as it read before the change', async () => {
    const rebuilt = await figures.reportFigures(await unit(p.unitId), JAN_FEB, today());
    expect(rebuilt).toEqual(reportBefore);
    expect((reportBefore as { summary: { stages: { stage: string; count: number }[] } }).summary.stages.find((s) => s.stage === 'SURVEY')?.count).toBe(1);
  });

  it('leaves the open case its clock and escalations, and orphans nothing', async () => {
    const [c] = await api.db.query(
      `SELECT org_unit_id, stage, version, stage_due_on, warning_on, critical_on, stage_entered_at, stage_entry, assignee_id FROM founding_case WHERE id = $1`,
      [caseId],
    );
    expect(c.org_unit_id).toBe(blocId);
    const { org_unit_id: _, ...clock } = c;
    expect(clock).toEqual(caseBefore);
    expect(c.assignee_id).toBe(p.officers[0].id); // its officer moved with the unit, as the call said
    await api.app.get(EscalationsService).sweepCase(caseId);
    expect(await api.db.query(`SELECT id, level, stage_entry, raised_at FROM escalation WHERE case_id = $1 ORDER BY id`, [caseId])).toEqual(escalationsBefore);
    const [left] = await api.db.query(
      `SELECT (SELECT count(*)::int FROM enterprise WHERE org_unit_id = $1) AS enterprises,
              (SELECT count(*)::int FROM founding_case WHERE org_unit_id = $1 AND stage NOT IN ('RECOGNIZED','CLOSED')) AS cases,
              (SELECT count(*)::int FROM app_user WHERE org_unit_id = $1) AS users,
              (SELECT count(*)::int FROM org_unit WHERE parent_id = $1 AND dissolved_at IS NULL) AS children,
              (SELECT count(*)::int FROM target WHERE org_unit_id = $1 AND closed_by_change_id IS NULL) AS targets,
              (SELECT count(*)::int FROM app_user WHERE org_unit_id = $2 AND active) AS active_users_moved,
              (SELECT new_members FROM target WHERE org_unit_id = $2 AND year = 2025) AS bloc_target`,
      [p.unitId, blocId],
    );
    expect(left).toEqual({ enterprises: 0, cases: 0, users: 0, children: 0, targets: 0, active_users_moved: 3, bloc_target: 100 });
  });

  it('scope follows the structure of today: the moved supervisor keeps its CĐCS, the bloc sees them from 01/03', async () => {
    // The sector union's supervisor moved with it to the bloc union (officers: MOVE).
    expect((await api.ok(tree, { r: a.id }, p.supervisor.token)).orgUnitTree[0].id).toBe(a.id);
    // The federation still reads the dissolved unit's history; the bloc supervisor does not see the federation.
    const h = await api.ok(history, { id: p.unitId }, p.federationSupervisor.token);
    expect(h.orgUnitHistory[0]).toMatchObject({ kind: 'DISSOLVE', decisionReference: 'Quyết định số 125/QĐ-LĐLĐ ngày 28/02/2025', createdByName: 'Admin' });
    expect(codeOf(await api.gql(history, { id: p.federationId }, p.supervisor.token))).toBe('NOT_FOUND');
  });

  it('a later merge of two parents keeps Q1, and the year view shows the units received separately', async () => {
    const edu = await api.db.query(
      `WITH n AS (SELECT gen_random_uuid() AS id) INSERT INTO org_unit (id, name, kind, parent_id, path)
       SELECT n.id, $1, 'UPPER_LEVEL', $2, f.path || '.' || n.id FROM n, org_unit f WHERE f.id = $2 RETURNING id`,
      [`Công đoàn ngành Giáo dục ${p.tag}`, p.federationId],
    );
    const c = await api.db.query(
      `WITH n AS (SELECT gen_random_uuid() AS id) INSERT INTO org_unit (id, name, kind, parent_id, path)
       SELECT n.id, $1, 'GRASSROOTS', $2, f.path || '.' || n.id FROM n, org_unit f WHERE f.id = $2 RETURNING id`,
      [`CĐCS Trường THPT ${p.tag}`, edu[0].id],
    );
    await addMembers(c[0].id, '2025-05-05', 1);
    const eduEmail = `edu.${p.tag}@test.vn`;
    await api.app.get(UsersService).insert({ email: eduEmail, fullName: 'Giám sát Giáo dục', role: Role.SUPERVISOR, orgUnitId: edu[0].id, password: PASSWORD });
    const eduToken = await api.login(eduEmail);
    expect((await api.ok(tree, { r: c[0].id }, eduToken)).orgUnitTree).toHaveLength(1);
    const merge = await on('2025-07-01').merge(adminActor, {
      ids: [edu[0].id],
      into: blocId,
      effectiveOn: '2025-07-01',
      officers: 'DEACTIVATE',
      decisionReference: 'Quyết định số 300/QĐ-LĐLĐ',
    });
    expect(merge).toMatchObject({ kind: 'MERGE', status: 'APPLIED' });
    expect(codeOf(await api.gql(tree, { r: c[0].id }, eduToken))).toBe('UNAUTHENTICATED'); // deactivated with its unit
    expect((await api.db.query(`SELECT parent_id FROM org_unit WHERE id = $1`, [c[0].id]))[0].parent_id).toBe(blocId);
    expect(await newMembers(blocId, Q1)).toBe(4);
    expect(await newMembers(p.unitId, Q1)).toBe(7);
    expect(await newMembers(edu[0].id, { start: '2025-01-01', end: '2025-06-30' })).toBe(1);
    expect(await newMembers(blocId, { start: '2025-07-01', end: '2025-12-31' })).toBe(0);
    const y = await api.ok(
      `query($u: ID!) { pipeline(orgUnitId: $u, year: 2025) { newMembers { actual } includingReceived { newMembers newGrassrootsUnions } } }`,
      { u: blocId },
      admin.token,
    );
    expect(y.pipeline.newMembers.actual).toBe(4);
    expect(y.pipeline.includingReceived.newMembers).toBe(12);
  });

  it('a bulk transfer to a commune union moves scope from that day: the old parent no longer sees, the new one does', async () => {
    const found = await on('2025-06-30').found(adminActor, {
      name: `Công đoàn phường Trần Hưng Đạo ${p.tag}`,
      kind: 'UPPER_LEVEL',
      parentId: p.federationId,
      effectiveOn: '2025-07-01',
      decisionReference: 'Nghị quyết 202/2025/QH15',
    });
    const wardId = (found as unknown as { unitIds: string[] }).unitIds.find((id) => id !== p.federationId)!;
    const email = `ward.${p.tag}@test.vn`;
    await api.app.get(UsersService).insert({ email, fullName: 'Giám sát phường', role: Role.SUPERVISOR, orgUnitId: wardId, password: PASSWORD });
    const wardToken = await api.login(email);
    expect(codeOf(await api.gql(tree, { r: b.id }, wardToken))).toBe('NOT_FOUND');
    expect((await api.ok(tree, { r: b.id }, p.supervisor.token)).orgUnitTree).toHaveLength(1);
    const t = await on('2025-07-01').transfer(adminActor, {
      ids: [a.id, b.id],
      newParentId: wardId,
      effectiveOn: '2025-07-01',
      decisionReference: 'QĐ 410/QĐ-LĐLĐ',
    });
    expect(t).toMatchObject({ kind: 'MOVE', status: 'APPLIED' });
    expect((await api.ok(tree, { r: b.id }, wardToken)).orgUnitTree[0].id).toBe(b.id);
    expect(codeOf(await api.gql(tree, { r: b.id }, p.supervisor.token))).toBe('NOT_FOUND');
    // Q1 stays where it was.
    expect(await newMembers(blocId, Q1)).toBe(4);
    expect(await newMembers(wardId, Q1)).toBe(0);
    expect(await newMembers(p.unitId, JAN_FEB)).toBe(7);
    const h = await api.ok(history, { id: b.id }, wardToken);
    expect(h.orgUnitHistory.map((x: { kind: string }) => x.kind)).toEqual(['MOVE', 'DISSOLVE']);
  });

  describe('refusals name why and change nothing', () => {
    const move = `mutation($i: MoveOrgUnitInput!) { moveOrgUnit(input: $i) { id status } }`;
    const dissolve = `mutation($i: DissolveOrgUnitInput!) { dissolveOrgUnit(input: $i) { id status } }`;
    const merge = `mutation($i: MergeOrgUnitsInput!) { mergeOrgUnits(input: $i) { id status } }`;
    let q: Province;
    let snapshot: () => Promise<unknown>;

    beforeAll(async () => {
      q = await api.newProvince(1);
      snapshot = () =>
        api.db.query(
          `SELECT (SELECT count(*)::int FROM org_unit_change) AS changes, (SELECT count(*)::int FROM org_unit_span) AS spans,
                  (SELECT string_agg(path, ',' ORDER BY id) FROM org_unit WHERE path LIKE '%' || $1 || '%') AS paths`,
          [q.federationId],
        );
    });

    const refused = async (query: string, input: Record<string, unknown>, code: string, words: RegExp) => {
      const before = await snapshot();
      const r = await api.gql(query, { i: { effectiveOn: today(), decisionReference: 'Quyết định số 1/QĐ', ...input } }, admin.token);
      expect(errorOf(r).code).toBe(code);
      expect(r.errors![0].message).toMatch(words);
      expect(await snapshot()).toEqual(before);
    };

    it('a cycle, a unit under itself, a day before the unit existed, orphans, a merge into itself', async () => {
      await refused(move, { id: q.federationId, newParentId: q.unitId }, 'BAD_USER_INPUT', /không thể chuyển một đơn vị vào đơn vị cấp dưới/);
      await refused(move, { id: q.unitId, newParentId: q.unitId }, 'BAD_USER_INPUT', /vào chính nó/);
      await createEnterpriseFor(q);
      await refused(dissolve, { id: q.unitId }, 'BAD_USER_INPUT', /Chưa chọn đơn vị tiếp nhận.*1 doanh nghiệp/);
      await refused(merge, { ids: [q.unitId], into: q.unitId }, 'BAD_USER_INPUT', /sáp nhập .* vào chính nó|Không thể sáp nhập một đơn vị vào chính nó/);
      // A union founded from a later day cannot receive a unit before it.
      const later = new Date(Date.now() + 10 * 86_400_000);
      const found = await api.ok(
        `mutation($i: FoundOrgUnitInput!) { foundOrgUnit(input: $i) { id status } }`,
        { i: { name: `Công đoàn xã ${q.tag}`, kind: 'UPPER_LEVEL', parentId: q.federationId, effectiveOn: vnDateOf(later), decisionReference: 'QĐ 2' } },
        admin.token,
      );
      expect(found.foundOrgUnit.status).toBe('APPLIED');
      const [{ id: communeId }] = await api.db.query(`SELECT id FROM org_unit WHERE parent_id = $1 AND name LIKE 'Công đoàn xã%'`, [q.federationId]);
      await refused(move, { id: q.unitId, newParentId: communeId }, 'BAD_USER_INPUT', /chỉ tồn tại từ ngày/);
      await refused(move, { id: q.unitId, newParentId: q.federationId, effectiveOn: '2020-01-01' }, 'BAD_USER_INPUT', /Ngày hiệu lực không được trước/);
    });

    it('a scheduled change can be cancelled before its day, once; a cancelled one is never applied', async () => {
      const later = vnDateOf(new Date(Date.now() + 5 * 86_400_000));
      const r = await api.ok(
        `mutation($i: RenameOrgUnitInput!) { renameOrgUnit(input: $i) { id status } }`,
        { i: { id: q.unitId, name: 'Tên mới', effectiveOn: later, decisionReference: 'QĐ 3' } },
        admin.token,
      );
      expect(r.renameOrgUnit.status).toBe('SCHEDULED');
      // Listed as scheduled for the subtree (what a tree as of a later day does not show yet), up to its day only.
      const scheduled = `query($r: ID, $u: Date) { scheduledOrgChanges(rootId: $r, until: $u) { id status effectiveOn summary } }`;
      const ids = async (vars: Record<string, unknown>, token = q.federationSupervisor.token) =>
        (await api.ok(scheduled, vars, token)).scheduledOrgChanges.map((c: { id: string }) => c.id);
      expect((await api.ok(scheduled, { u: later }, q.federationSupervisor.token)).scheduledOrgChanges).toContainEqual(
        expect.objectContaining({ id: r.renameOrgUnit.id, status: 'SCHEDULED', effectiveOn: later, summary: expect.stringContaining('Tên mới') }),
      );
      expect(await ids({ r: q.unitId })).toContain(r.renameOrgUnit.id);
      expect(await ids({ u: today() })).not.toContain(r.renameOrgUnit.id);
      expect(codeOf(await api.gql(scheduled, { r: q.unitId }, p.federationSupervisor.token))).toBe('NOT_FOUND');
      const cancel = `mutation($id: ID!) { cancelOrgUnitChange(id: $id) { id status } }`;
      expect((await api.ok(cancel, { id: r.renameOrgUnit.id }, admin.token)).cancelOrgUnitChange.status).toBe('CANCELLED');
      expect(await ids({ r: q.unitId })).not.toContain(r.renameOrgUnit.id);
      const again = await api.gql(cancel, { id: r.renameOrgUnit.id }, admin.token);
      expect(errorOf(again).code).toBe('CONFLICT');
      expect(again.errors![0].message).toMatch(/đã hủy/);
      await on(later).applyDue(later);
      expect((await api.db.query(`SELECT name FROM org_unit WHERE id = $1`, [q.unitId]))[0].name).not.toBe('Tên mới');
    });

    it('only an ADMIN writes', async () => {
      const r = await api.gql(
        move,
        { i: { id: q.unitId, newParentId: q.federationId, effectiveOn: today(), decisionReference: 'QĐ' } },
        q.federationSupervisor.token,
      );
      expect(codeOf(r)).toBe('FORBIDDEN');
    });
  });

  async function createEnterpriseFor(x: Province): Promise<void> {
    await api.ok(
      `mutation($i: CreateEnterpriseInput!) { createEnterprise(input: $i) { id } }`,
      { i: { name: `Công ty ${x.tag}`, taxCode: newTaxCode(), workerCount: 40, hasUnion: false, orgUnitId: x.unitId } },
      x.supervisor.token,
    );
  }
});
