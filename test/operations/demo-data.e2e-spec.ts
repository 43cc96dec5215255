import { DEMO_FIRST_TAX_CODE, DEMO_PASSWORD, DEMO_TARGETS, DEMO_UPPER_UNION_NAME, DEMO_USERS, DemoLogin, loadDemoData } from '../../apps/cli/src/demo-data';
import { OPEN_STAGES_SQL } from '@app/core';
import { ALL_STAGES, isValidTaxCode } from '@app/domain';
import { DEMO_GRASSROOTS_USERS } from '../../apps/cli/src/demo-grassroots';
import { DEMO_BLOC_UNION_NAME, DEMO_EDUCATION_UNION_NAME, DEMO_STATE_FUNDED_NAME } from '../../apps/cli/src/demo-restructuring';
import { TestApi } from '../support/test-api';

/**
 * The demo province loads through the services and gives every screen something to show.
 * The test database is shared with the other test files (they make their own units), so the
 * demo is loaded once, only when its first enterprise is not there yet.
 */
describe('demo data', () => {
  let api: TestApi;
  let logins: readonly DemoLogin[];
  let unitId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    const [already] = await api.db.query(`SELECT 1 FROM enterprise WHERE tax_code = $1`, [DEMO_FIRST_TAX_CODE]);
    if (!already) await api.newAdmin(); // as setup makes the first ADMIN first (the demo's restructuring records who made it)
    logins = already ? DEMO_USERS : await loadDemoData(api.app);
    const [unit] = await api.db.query(`SELECT u.id FROM org_unit u JOIN enterprise e ON e.org_unit_id = u.id WHERE e.tax_code = $1`, [DEMO_FIRST_TAX_CODE]);
    expect(unit).toBeDefined();
    unitId = unit.id;
  }, 60_000);
  afterAll(() => api.close());

  it('returns one supervisor and three officers, each able to log in with the demo password', async () => {
    expect(logins.filter((l) => l.role === 'SUPERVISOR')).toHaveLength(1);
    expect(logins.filter((l) => l.role === 'OFFICER')).toHaveLength(3);
    for (const l of logins) {
      const token = await api.login(l.email, DEMO_PASSWORD);
      const d = await api.ok(`{ me { email role fullName orgUnit { id name kind } } }`, {}, token);
      expect(d.me).toMatchObject({
        email: l.email,
        role: l.role,
        fullName: l.fullName,
        orgUnit: { id: unitId, name: DEMO_UPPER_UNION_NAME, kind: 'UPPER_LEVEL' },
      });
    }
  });

  it('gives two CĐCS a chair (GRASSROOTS) with a register: members, one leaver, staff not yet members', async () => {
    const units: string[] = [];
    for (const u of DEMO_GRASSROOTS_USERS) {
      const token = await api.login(u.email, DEMO_PASSWORD);
      const me = (await api.ok(`{ me { role orgUnit { id kind parent { id } } } }`, {}, token)).me;
      expect(me).toMatchObject({ role: 'GRASSROOTS', orgUnit: { kind: 'GRASSROOTS', parent: { id: unitId } } });
      units.push(me.orgUnit.id);
      const count = async (status: string) =>
        (
          await api.ok(
            `query($g: ID!, $s: MemberStatus) { members(grassrootsUnionId: $g, filter: { status: $s }) { totalCount } }`,
            { g: me.orgUnit.id, s: status },
            token,
          )
        ).members.totalCount;
      // Members admitted earlier (applications decided by the upper level) are on the list too.
      expect(await count('MEMBER')).toBeGreaterThan(8);
      expect([await count('LEFT'), await count('NOT_MEMBER')]).toEqual([1, 3]);
      const r = (
        await api.ok(
          `query($g: ID!) { statisticsReturn(grassrootsUnionId: $g, kind: YEAR, year: 2026) { status figures { admitted leftJob } } }`,
          { g: me.orgUnit.id },
          token,
        )
      ).statisticsReturn;
      // The 9 of the decision and those of the applications the upper level decided this year.
      expect(r).toMatchObject({ status: 'SUBMITTED', figures: { leftJob: 1 } });
      expect(r.figures.admitted).toBeGreaterThanOrEqual(9);
    }
    const other = await api.gql(
      `query($g: ID!) { members(grassrootsUnionId: $g) { totalCount } }`,
      { g: units[1] },
      await api.login(DEMO_GRASSROOTS_USERS[0].email, DEMO_PASSWORD),
    );
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('exports each CĐCS’s register so that it imports back: people without citizen id or birth date found by their code, nothing refused or changed', async () => {
    for (const u of DEMO_GRASSROOTS_USERS) {
      const token = await api.login(u.email, DEMO_PASSWORD);
      const g = (await api.ok(`{ me { orgUnit { id } } }`, {}, token)).me.orgUnit.id;
      const res = await fetch(`${api.url}/registers/members.xlsx?grassrootsUnionId=${g}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const file = Buffer.from(await res.arrayBuffer());
      const [{ n, bare }] = await api.db.query(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE citizen_id IS NULL OR birth_date IS NULL)::int AS bare FROM grassroots_staff WHERE grassroots_union_id = $1`,
        [g],
      );
      expect(bare).toBeGreaterThan(0); // founders recorded from their applications
      for (const apply of ['false', 'true']) {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(file)]), 'danh-sach.xlsx');
        form.append('grassrootsUnionId', g);
        form.append('apply', apply);
        const back = await (await fetch(`${api.url}/imports/staff`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })).json();
        expect(back).toMatchObject({ ok: true, totalRows: n, toCreate: 0, toUpdate: 0, unchanged: n, refused: 0 });
      }
    }
  });

  it('gives the first CĐCS a Party recommendation with one admitted and two union groups, counted in its return', async () => {
    const token = await api.login(DEMO_GRASSROOTS_USERS[0].email, DEMO_PASSWORD);
    const g = (await api.ok(`{ me { orgUnit { id } } }`, {}, token)).me.orgUnit.id;
    const d = await api.ok(
      `query($g: ID!) { partyRecommendations(grassrootsUnionId: $g) { members { outcome } } unionGroups(grassrootsUnionId: $g) { name members { id } }
        statisticsReturn(grassrootsUnionId: $g, kind: YEAR, year: 2026) { figures { partyRecommended partyAdmitted unionGroups } } }`,
      { g },
      token,
    );
    expect(d.partyRecommendations.map((r: { members: { outcome: string }[] }) => r.members.map((m) => m.outcome).sort())).toEqual([['ADMITTED', 'PENDING']]);
    expect(d.unionGroups.map((x: { name: string; members: unknown[] }) => [x.name, x.members.length])).toEqual([
      ['Tổ Bác sĩ', 4],
      ['Tổ Điều dưỡng', 4],
    ]);
    expect(d.statisticsReturn.figures).toEqual({ partyRecommended: 2, partyAdmitted: 1, unionGroups: 2 });
  });

  it('has two held review meetings with action items, the second showing the change since the first', async () => {
    const token = await api.login(DEMO_USERS[0].email, DEMO_PASSWORD);
    const list = (await api.ok(`query($u: ID!) { reviewMeetings(orgUnitId: $u, year: 2026) { id day status } }`, { u: unitId }, token)).reviewMeetings;
    const held = list.filter((m: { status: string }) => m.status === 'HELD');
    expect(held.map((m: { day: string }) => m.day)).toEqual(['2026-10-05', '2026-11-05']);
    const m = (
      await api.ok(
        `query($id: ID!) { reviewMeeting(id: $id) { previous { id } snapshot { openCases } actionItems { status } changeSincePrevious { indicator previous current } } }`,
        { id: held[1].id },
        token,
      )
    ).reviewMeeting;
    expect(m.previous.id).toBe(held[0].id);
    expect(m.actionItems).toHaveLength(2);
    expect(m.changeSincePrevious.find((r: { indicator: string }) => r.indicator === 'openCases').previous).not.toBeNull();
    const first = (await api.ok(`query($id: ID!) { reviewMeeting(id: $id) { actionItems { status } } }`, { id: held[0].id }, token)).reviewMeeting;
    expect(first.actionItems.map((a: { status: string }) => a.status)).toEqual(['DONE', 'OPEN']);
  });

  it('places the sector union under a federation and holds existing CĐCS with members', async () => {
    const [tree] = await api.db.query(
      `SELECT p.kind AS parent_kind, p.name AS parent_name,
              (SELECT count(*)::int FROM org_unit g WHERE g.parent_id = u.id AND g.kind = 'GRASSROOTS') AS grassroots
         FROM org_unit u JOIN org_unit p ON p.id = u.parent_id WHERE u.id = $1`,
      [unitId],
    );
    expect(tree).toMatchObject({ parent_kind: 'FEDERATION', parent_name: 'Liên đoàn Lao động tỉnh Thái Bình' });
    expect(tree.grassroots).toBeGreaterThanOrEqual(5); // existing ones and the recognized ones
    const [m] = await api.db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE m.case_id IS NOT NULL)::int AS founding,
              count(DISTINCT extract(year FROM m.admitted_on))::int AS years
         FROM member m JOIN org_unit g ON g.id = m.grassroots_union_id WHERE g.parent_id = $1`,
      [unitId],
    );
    expect(m.n).toBeGreaterThan(100);
    expect(m.founding).toBeGreaterThan(0);
    expect(m.years).toBe(3); // 2024, 2025, 2026: past reports have figures
  });

  it('registers at least 40 enterprises, some under 25 workers and some with a union', async () => {
    const [r] = await api.db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE worker_count < 25)::int AS small,
              count(*) FILTER (WHERE has_union)::int AS with_union, count(DISTINCT tax_code)::int AS codes
         FROM enterprise WHERE org_unit_id = $1`,
      [unitId],
    );
    expect(r.n).toBeGreaterThanOrEqual(40);
    expect(r.codes).toBe(r.n);
    expect(r.small).toBeGreaterThan(0);
    expect(r.with_union).toBeGreaterThan(0);
    // Real-looking tax codes: each passes the check digit, as the register demands.
    const codes: { tax_code: string }[] = await api.db.query(`SELECT tax_code FROM enterprise WHERE org_unit_id = $1`, [unitId]);
    expect(codes.filter((c) => !isValidTaxCode(c.tax_code))).toEqual([]);
    // Every enterprise's worker count is in its history, the newest row holding it (surveys included).
    const off = await api.db.query(
      `SELECT e.id FROM enterprise e
        WHERE e.org_unit_id = $1
          AND e.worker_count IS DISTINCT FROM (SELECT h.worker_count FROM enterprise_worker_count h WHERE h.enterprise_id = e.id ORDER BY h.id DESC LIMIT 1)`,
      [unitId],
    );
    expect(off).toEqual([]);
  });

  it('has founding cases in every stage, with one history row per change', async () => {
    const rows: { stage: string; n: number }[] = await api.db.query(
      `SELECT stage, count(*)::int AS n FROM founding_case WHERE org_unit_id = $1 GROUP BY stage`,
      [unitId],
    );
    const byStage = Object.fromEntries(rows.map((r) => [r.stage, r.n]));
    for (const stage of ALL_STAGES) {
      expect({ stage, atLeastOne: (byStage[stage] ?? 0) >= 1 }).toEqual({ stage, atLeastOne: true });
    }
    const mismatched = await api.db.query(
      `SELECT c.id, c.version, (SELECT count(*)::int FROM case_transition t WHERE t.case_id = c.id) AS history
         FROM founding_case c WHERE c.org_unit_id = $1 AND c.version - 1 <> (SELECT count(*) FROM case_transition t WHERE t.case_id = c.id)`,
      [unitId],
    );
    expect(mismatched).toEqual([]);
    const [overdue] = await api.db.query(
      `SELECT count(*)::int AS n FROM founding_case WHERE org_unit_id = $1 AND stage IN ${OPEN_STAGES_SQL}
         AND stage_due_on < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`,
      [unitId],
    );
    expect(overdue.n).toBeGreaterThan(0);
  });

  it('shows the 2026 pipeline with its targets to the supervisor', async () => {
    const supervisor = logins.find((l) => l.role === 'SUPERVISOR')!;
    const token = await api.login(supervisor.email, DEMO_PASSWORD);
    const d = await api.ok(
      `query($u: ID!, $y: Int!) { pipeline(orgUnitId: $u, year: $y) {
         year orgUnit { id } stages { stage count overdue }
         newMembers { target actual } newGrassrootsUnions { target actual }
         coverage { enterprises25Plus withUnion percent targetPercent } } }`,
      { u: unitId, y: 2026 },
      token,
    );
    const p = d.pipeline;
    const t = DEMO_TARGETS[2026];
    expect(p.orgUnit.id).toBe(unitId);
    expect(p.newMembers.target).toBe(t.newMembers);
    expect(p.newMembers.actual).toBeGreaterThan(0);
    expect(p.newGrassrootsUnions).toMatchObject({ target: t.newGrassrootsUnions });
    expect(p.newGrassrootsUnions.actual).toBeGreaterThanOrEqual(1);
    expect(p.coverage.targetPercent).toBe(t.coveragePercent);
    expect(p.coverage.enterprises25Plus).toBeGreaterThan(p.coverage.withUnion);
    const stages = Object.fromEntries(p.stages.map((s: { stage: string; count: number }) => [s.stage, s.count]));
    expect(stages.RECOGNIZED).toBeGreaterThanOrEqual(1);
    expect(p.stages.some((s: { overdue: number }) => s.overdue > 0)).toBe(true);

    const past = await api.ok(
      `query($u: ID!) { pipeline(orgUnitId: $u, year: 2024) { newMembers { target actual } newGrassrootsUnions { target } } }`,
      { u: unitId },
      token,
    );
    expect(past.pipeline.newMembers.target).toBe(DEMO_TARGETS[2024].newMembers);
    expect(past.pipeline.newMembers.actual).toBeGreaterThan(0);
    expect(past.pipeline.newGrassrootsUnions.target).toBe(DEMO_TARGETS[2024].newGrassrootsUnions);
  });

  it('holds the 2026 plan in two versions, an area per officer and a budget whose ledger has a reversal and a heading over plan', async () => {
    const supervisor = logins.find((l) => l.role === 'SUPERVISOR')!;
    const token = await api.login(supervisor.email, DEMO_PASSWORD);
    const d = await api.ok(
      `query($u: ID!) { planVersions(orgUnitId: $u, year: 2026) { version number assignments { officerId } }
         officerAreas(orgUnitId: $u) { districts enterpriseCount focus }
         budget(orgUnitId: $u, year: 2026) { planned spent headings { overPlan } entries { amount reversesId } } }`,
      { u: unitId },
      token,
    );
    expect(d.planVersions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(d.planVersions[0].assignments).toHaveLength(3);
    expect(d.officerAreas).toHaveLength(3);
    expect(d.officerAreas.every((a: { enterpriseCount: number }) => a.enterpriseCount > 0)).toBe(true);
    expect(d.budget.entries.filter((e: { reversesId: string | null }) => e.reversesId)).toHaveLength(1);
    expect(d.budget.headings.some((h: { overPlan: boolean }) => h.overPlan)).toBe(true);
    const sum = d.budget.entries.reduce((n: bigint, e: { amount: string }) => n + BigInt(e.amount), 0n);
    expect(sum.toString()).toBe(d.budget.spent);
  });

  it('has a restructuring in its history: a bloc union founded, the education union dissolved into it, a renaming scheduled', async () => {
    const [bloc] = await api.db.query(`SELECT id FROM org_unit WHERE name = $1`, [DEMO_BLOC_UNION_NAME]);
    expect(bloc).toBeDefined();
    const admin = await api.newAdmin();
    const h = await api.ok(`query($id: ID!) { orgUnitHistory(id: $id) { kind status decisionReference } }`, { id: bloc.id }, admin.token);
    expect(h.orgUnitHistory.map((c: { kind: string; status: string }) => `${c.kind} ${c.status}`).sort()).toEqual([
      'DISSOLVE APPLIED',
      'FOUND APPLIED',
      'RENAME SCHEDULED',
    ]);
    const [edu] = await api.db.query(`SELECT (SELECT count(*)::int FROM org_unit c WHERE c.parent_id = $1) AS n FROM org_unit WHERE name = $2`, [
      bloc.id,
      DEMO_EDUCATION_UNION_NAME,
    ]);
    expect(edu.n).toBe(2);
  });

  it('has an employer whose funding type changed: partly self-financing, then wholly funded by the state budget', async () => {
    const rows = await api.db.query(
      `SELECT f.funding_type, to_char(f.valid_from, 'YYYY-MM-DD') AS valid_from FROM enterprise e JOIN enterprise_funding_type f ON f.enterprise_id = e.id
        WHERE e.name = $1 ORDER BY f.valid_from`,
      [DEMO_STATE_FUNDED_NAME],
    );
    expect(rows).toEqual([
      { funding_type: 'STATE_BUDGET_PARTIAL', valid_from: '2021-07-01' },
      { funding_type: 'STATE_BUDGET_FULL', valid_from: '2025-06-01' },
    ]);
  });
});
