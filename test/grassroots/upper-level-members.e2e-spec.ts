import { addDays, codeOf, errorOf, vnToday } from '../support/case-fixtures';
import { G, U, citizenIdFor, newCdcs, newDirectMember, staffPerson } from '../support/grassroots';
import { Province, TestApi, TestUser } from '../support/test-api';

/**
 * The members an upper-level union admitted directly (docs/architecture.md#grassroots-unions): `upperLevelMembers`
 * scoped as `upperLevelApplications` (its subtree's officers and supervisors, ADMIN; a CĐCS's users FORBIDDEN; another
 * province, a CĐCS or a federation NOT_FOUND), searched and paged as `members`; a supervisor records one leaving or
 * moves one to a CĐCS of its subtree (`transferUpperLevelMember`); a refused change changes nothing.
 */
jest.setTimeout(120_000);

const today = vnToday();
type Node = { id: string; fullName: string };
const names = (r: { data?: Record<string, any> | null }): string[] => r.data!.upperLevelMembers.nodes.map((n: Node) => n.fullName);

describe('upper-level unions: the members they admitted directly', () => {
  let api: TestApi;
  let a: Province;
  let b: Province;
  let admin: TestUser;

  const list = (p: Province, token: string, vars: Record<string, unknown> = {}) => api.gql(U.members, { u: p.unitId, ...vars }, token);
  const memberRow = async (id: string) =>
    (await api.db.query(`SELECT grassroots_union_id, staff_id, left_on::text, left_reason, left_note, transferred_from_id FROM member WHERE id = $1`, [id]))[0];

  beforeAll(async () => {
    api = await TestApi.start();
    a = await api.newProvince(1);
    b = await api.newProvince(1);
    admin = await api.newAdmin();
  });
  afterAll(() => api?.close());

  it('lists an admitted direct applicant to the subtree’s officers and supervisors and ADMIN only, with the citizen id, and audits the read', async () => {
    const citizenId = citizenIdFor('1992-04-12', 'FEMALE');
    const { memberId, applicationId } = await newDirectMember(api, a, a.supervisor.token, {
      fullName: 'Đặng Thị Trực Tiếp',
      personalId: citizenId,
      birthYear: 1992,
      gender: 'Nữ',
      position: 'Thợ may',
    });
    const cdcs = await newCdcs(api, a, 'Công ty Có CĐCS');
    await api.ok(G.addStaff, { i: { grassrootsUnionId: cdcs.id, ...staffPerson() } }, cdcs.chair.token);

    for (const token of [a.officers[0].token, a.supervisor.token, a.federationSupervisor.token, admin.token]) {
      const r = await list(a, token);
      expect(r.errors).toBeUndefined();
      expect(r.data!.upperLevelMembers.totalCount).toBe(1);
      expect(r.data!.upperLevelMembers.nodes).toEqual([
        {
          id: memberId,
          orgUnitId: a.unitId,
          applicationId,
          fullName: 'Đặng Thị Trực Tiếp',
          citizenId,
          birthYear: 1992,
          sex: 'FEMALE',
          position: 'Thợ may',
          status: 'MEMBER',
          admittedOn: today,
          decisionNumber: expect.stringMatching(/QĐ-CĐCT$/),
          leftOn: null,
          leftReason: null,
          leftNote: null,
        },
      ]);
    }
    // One audit row per read, as `members`: the people's citizen ids are in the answer.
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE operation = 'upperLevelMembers' AND actor_id = $1`, [a.officers[0].id]);
    expect(n).toBe(1);

    expect(codeOf(await list(a, b.supervisor.token))).toBe('NOT_FOUND');
    expect(codeOf(await list(a, b.officers[0].token))).toBe('NOT_FOUND');
    expect(codeOf(await list(a, cdcs.chair.token))).toBe('FORBIDDEN');
    // A CĐCS (its register is `members`), a federation, no unit at all.
    expect(codeOf(await api.gql(U.members, { u: cdcs.id }, a.supervisor.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(U.members, { u: a.federationId }, a.federationSupervisor.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(U.members, { u: 'khong-phai-ma' }, admin.token))).toBe('NOT_FOUND');
    expect(codeOf(await list(a, a.supervisor.token, { first: 0 }))).toBe('BAD_USER_INPUT');
  });

  it('searches by name without diacritics or by the start of the citizen id, filters and pages by name', async () => {
    const p = await api.newProvince(1);
    const id = citizenIdFor('1988-02-03', 'MALE');
    for (const [fullName, personalId, gender] of [
      ['Bùi Văn Ba', id, 'Nam'],
      ['Âu Thị Một', null, 'Nữ'],
      ['Cao Văn Bốn', null, 'Nam'],
    ])
      await newDirectMember(api, p, p.supervisor.token, { fullName, personalId, gender });
    const first = await list(p, p.officers[0].token, { first: 2 });
    expect(first.data!.upperLevelMembers.totalCount).toBe(3);
    expect(names(first)).toEqual(['Âu Thị Một', 'Bùi Văn Ba']);
    const next = await list(p, p.officers[0].token, { first: 2, after: first.data!.upperLevelMembers.pageInfo.endCursor });
    expect(names(next)).toEqual(['Cao Văn Bốn']);
    expect(next.data!.upperLevelMembers.pageInfo.hasNextPage).toBe(false);
    expect(names(await list(p, p.officers[0].token, { f: { search: 'van bon' } }))).toEqual(['Cao Văn Bốn']);
    expect(names(await list(p, p.officers[0].token, { f: { search: id.slice(0, 8) } }))).toEqual(['Bùi Văn Ba']);
    expect(names(await list(p, p.officers[0].token, { f: { sex: 'FEMALE' } }))).toEqual(['Âu Thị Một']);
    expect(names(await list(p, p.officers[0].token, { f: { status: 'LEFT' } }))).toEqual([]);
    expect(codeOf(await list(p, p.officers[0].token, { f: { search: 'x'.repeat(101) } }))).toBe('BAD_USER_INPUT');
  });

  it("records a direct member's leaving by the supervisor: LEFT with reason and note, no longer among the members", async () => {
    const p = await api.newProvince(1);
    const { memberId } = await newDirectMember(api, p, p.supervisor.token, { fullName: 'Lý Văn Nghỉ' }, addDays(today, -5));
    const r = await api.ok(U.leave, { i: { memberId, leftOn: today, reason: 'LEFT_JOB', note: 'Nghỉ việc' } }, p.supervisor.token);
    expect(r.recordUpperLevelMemberLeaving).toEqual({ id: memberId, status: 'LEFT', leftOn: today, leftReason: 'LEFT_JOB', leftNote: 'Nghỉ việc' });
    expect(names(await list(p, p.officers[0].token, { f: { status: 'MEMBER' } }))).toEqual([]);
    expect(names(await list(p, p.officers[0].token, { f: { leftReason: 'LEFT_JOB' } }))).toEqual(['Lý Văn Nghỉ']);
    // Once ended, it cannot end again.
    const again = await api.gql(U.leave, { i: { memberId, leftOn: today, reason: 'WITHDREW' } }, p.supervisor.token);
    expect(codeOf(again)).toBe('CONFLICT');
    expect(errorOf(again).reason).toBe('NOT_MEMBER');
  });

  it('moves a direct member to a CĐCS of its subtree: ended TRANSFERRED here, on the CĐCS staff list and register from that day, not a new member', async () => {
    const p = await api.newProvince(1);
    const citizenId = citizenIdFor('1990-07-08', 'FEMALE');
    const { memberId } = await newDirectMember(
      api,
      p,
      p.supervisor.token,
      { fullName: 'Hà Thị Chuyển', personalId: citizenId, birthYear: 1990, gender: 'Nữ' },
      addDays(today, -10),
    );
    const cdcs = await newCdcs(api, p, 'Công ty Mới Thành Lập');
    const r = await api.ok(U.transfer, { i: { memberId, grassrootsUnionId: cdcs.id, transferredOn: today, note: 'CĐCS mới thành lập' } }, p.supervisor.token);
    expect(r.transferUpperLevelMember).toMatchObject({ id: memberId, status: 'LEFT', leftOn: today, leftReason: 'TRANSFERRED' });
    expect(r.transferUpperLevelMember.leftNote).toMatch(/^Chuyển đến Công đoàn cơ sở Công ty Mới Thành Lập .* — CĐCS mới thành lập$/);
    const there = (await api.ok(G.members, { g: cdcs.id, first: 10 }, cdcs.chair.token)).members.nodes;
    expect(there).toEqual([expect.objectContaining({ fullName: 'Hà Thị Chuyển', citizenId, status: 'MEMBER', admittedOn: today, transferredIn: true })]);
    const [moved] = await api.db.query(`SELECT id FROM member WHERE transferred_from_id = $1`, [memberId]);
    expect(moved).toBeDefined();
    expect(names(await list(p, p.officers[0].token, { f: { status: 'MEMBER' } }))).toEqual([]);
  });

  it("the receiving CĐCS's own transferMember also takes over a direct member by its citizen id", async () => {
    const p = await api.newProvince(1);
    const birthDate = '1985-03-04';
    const citizenId = citizenIdFor(birthDate, 'MALE');
    const { memberId } = await newDirectMember(api, p, p.supervisor.token, { personalId: citizenId, birthYear: 1985, gender: 'Nam' }, addDays(today, -3));
    const cdcs = await newCdcs(api, p, 'Công ty Nhận Chuyển');
    const staffId = (await api.ok(G.addStaff, { i: { grassrootsUnionId: cdcs.id, ...staffPerson({ citizenId, birthDate, sex: 'MALE' }) } }, cdcs.chair.token))
      .addStaff.id;
    const r = await api.ok(G.transfer, { i: { memberId: staffId, transferredOn: today } }, cdcs.chair.token);
    expect(r.transferMember).toMatchObject({ status: 'MEMBER', transferredIn: true });
    expect(await memberRow(memberId)).toMatchObject({ left_on: today, left_reason: 'TRANSFERRED' });
  });

  it('a refused leaving or transfer changes nothing', async () => {
    const { memberId } = await newDirectMember(api, a, a.supervisor.token, { fullName: 'Võ Văn Ở Lại' }, addDays(today, -2));
    const own = await newCdcs(api, a, 'Công ty Trong');
    const elsewhere = await newCdcs(api, b, 'Công ty Ngoài');
    const cdcsStaff = (await api.ok(G.addStaff, { i: { grassrootsUnionId: own.id, ...staffPerson() } }, own.chair.token)).addStaff.id;
    const before = await memberRow(memberId);
    const staffBefore = await api.db.query(`SELECT count(*)::int AS n FROM grassroots_staff WHERE grassroots_union_id = ANY($1::uuid[])`, [
      [own.id, elsewhere.id],
    ]);
    const leave = { memberId, leftOn: today, reason: 'LEFT_JOB' };
    const move = { memberId, grassrootsUnionId: own.id, transferredOn: today };
    const refusals: [string, string, Record<string, unknown>, string, string?][] = [
      [U.leave, a.officers[0].token, leave, 'FORBIDDEN'],
      [U.leave, own.chair.token, leave, 'FORBIDDEN'],
      [U.leave, b.supervisor.token, leave, 'NOT_FOUND'],
      [U.leave, a.supervisor.token, { ...leave, reason: 'TRANSFERRED' }, 'BAD_USER_INPUT', 'reason'],
      [U.leave, a.supervisor.token, { ...leave, leftOn: addDays(today, 1) }, 'BAD_USER_INPUT', 'leftOn'],
      [U.leave, a.supervisor.token, { ...leave, leftOn: addDays(today, -3) }, 'BAD_USER_INPUT', 'leftOn'],
      // A CĐCS's register is changed by its own rules: its staff id is no direct membership.
      [U.leave, a.supervisor.token, { ...leave, memberId: cdcsStaff }, 'NOT_FOUND'],
      [U.transfer, a.officers[0].token, move, 'FORBIDDEN'],
      [U.transfer, b.supervisor.token, move, 'NOT_FOUND'],
      [U.transfer, a.supervisor.token, { ...move, grassrootsUnionId: elsewhere.id }, 'NOT_FOUND'],
      // ADMIN sees the other province's CĐCS, but it is not in this union's subtree.
      [U.transfer, admin.token, { ...move, grassrootsUnionId: elsewhere.id }, 'BAD_USER_INPUT', 'grassrootsUnionId'],
      [U.transfer, a.supervisor.token, { ...move, grassrootsUnionId: a.unitId }, 'NOT_FOUND'],
      [U.transfer, a.supervisor.token, { ...move, transferredOn: addDays(today, -3) }, 'BAD_USER_INPUT', 'transferredOn'],
    ];
    for (const [doc, token, i, code, field] of refusals) {
      const r = await api.gql(doc, { i }, token);
      expect([codeOf(r), field && errorOf(r).fields]).toEqual([code, field && [field]]);
    }
    expect(await memberRow(memberId)).toEqual(before);
    expect(await api.db.query(`SELECT count(*)::int AS n FROM grassroots_staff WHERE grassroots_union_id = ANY($1::uuid[])`, [[own.id, elsewhere.id]])).toEqual(
      staffBefore,
    );
    expect(await api.db.query(`SELECT count(*)::int AS n FROM member WHERE transferred_from_id = $1`, [memberId])).toEqual([{ n: 0 }]);
  });
});
