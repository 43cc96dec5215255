import { FiguresService } from '@app/core';
import { codeOf, errorOf, pipelineOf, vnToday, walkToStage } from '../support/case-fixtures';
import { Cdcs, G, addStaff, citizenIdFor, newCdcs, staffPerson } from '../support/grassroots';
import { Province, TestApi } from '../support/test-api';

/** The member register of a CĐCS over GraphQL (docs/architecture.md#grassroots-unions). */
jest.setTimeout(120_000);

const today = vnToday();
const monthStart = `${today.slice(0, 8)}01`;
const year = Number(today.slice(0, 4));

describe('grassroots: the staff list and member register of a CĐCS', () => {
  let api: TestApi;
  let a: Province;
  let b: Province;
  let one: Cdcs;
  let two: Cdcs;
  let far: Cdcs;

  const pathOf = async (id: string): Promise<string> => (await api.db.query(`SELECT path FROM org_unit WHERE id = $1`, [id]))[0].path;
  /** New members of the month for a unit's subtree, as every figure counts them. */
  const newThisMonth = async (unitId: string): Promise<number> =>
    api.app.get(FiguresService).newMembers(api.db, { id: unitId, path: await pathOf(unitId) }, { start: monthStart, end: today });
  const atEnd = async (upper: string, cdcs: string) => {
    const rows = await api.app.get(FiguresService).byGrassroots(api.db, { id: upper, path: await pathOf(upper) }, { start: monthStart, end: today });
    return rows.find((r) => r.unitId === cdcs)!;
  };
  const registerRows = async () => (await api.db.query(`SELECT (SELECT count(*) FROM member)::int + (SELECT count(*) FROM grassroots_staff)::int AS n`))[0].n;

  beforeAll(async () => {
    api = await TestApi.start();
    a = await api.newProvince(1);
    b = await api.newProvince(1);
    one = await newCdcs(api, a, 'Công ty Dệt');
    two = await newCdcs(api, a, 'Công ty Giày');
    far = await newCdcs(api, b, 'Công ty Xa');
  });
  afterAll(() => api?.close());

  it('checks a citizen id against the birth date and sex, every bad field at once, and stores nothing', async () => {
    const before = await registerRows();
    const short = await api.gql(G.addStaff, { i: { grassrootsUnionId: one.id, ...staffPerson({ citizenId: '0341900123' }) } }, one.chair.token);
    expect(codeOf(short)).toBe('BAD_USER_INPUT');
    expect(errorOf(short).messages.citizenId).toBe('Số CCCD phải gồm đúng 12 chữ số');
    const encoded = await api.gql(
      G.addStaff,
      { i: { grassrootsUnionId: one.id, ...staffPerson({ citizenId: '003091012345', birthDate: '1990-03-04', sex: 'FEMALE', phone: 'abc', fullName: ' ' }) } },
      one.chair.token,
    );
    expect(codeOf(encoded)).toBe('BAD_USER_INPUT');
    expect(errorOf(encoded).fields.sort()).toEqual(['citizenId', 'fullName', 'phone']);
    expect(errorOf(encoded).messages.citizenId).toContain('mã tỉnh 003');
    expect(errorOf(encoded).messages.citizenId).toContain('là của người nam, không khớp giới tính nữ');
    expect(errorOf(encoded).messages.citizenId).toContain('năm sinh 1991, không khớp năm sinh 1990');
    const lostZero = await api.gql(
      G.addStaff,
      { i: { grassrootsUnionId: one.id, ...staffPerson({ citizenId: '34091012345', birthDate: '1990-03-04', sex: 'FEMALE' }) } },
      one.chair.token,
    );
    expect(errorOf(lostZero).messages.citizenId).toMatch(/^Số CCCD chỉ có 11 chữ số/);
    expect(await registerRows()).toBe(before);
    // The same 11 digits that validate with the 0 back are stored as 12.
    const restored = await api.ok(
      G.addStaff,
      { i: { grassrootsUnionId: one.id, ...staffPerson({ citizenId: '34191012345', birthDate: '1991-03-04', sex: 'FEMALE' }) } },
      one.chair.token,
    );
    expect(restored.addStaff).toMatchObject({ citizenId: '034191012345', status: 'NOT_MEMBER' });
    const again = await api.gql(
      G.addStaff,
      { i: { grassrootsUnionId: one.id, ...staffPerson({ citizenId: '034191012345', birthDate: '1991-03-04', sex: 'FEMALE' }) } },
      one.chair.token,
    );
    expect(codeOf(again)).toBe('CONFLICT');
    expect(errorOf(again).fields).toEqual(['citizenId']);
  });

  it('admits staff in one decision: new members of the month for the CĐCS and every unit above it', async () => {
    const before = { cdcs: await newThisMonth(one.id), unit: await newThisMonth(a.unitId), fed: await newThisMonth(a.federationId) };
    const yearBefore = (await pipelineOf(api, a.supervisor.token, a.unitId, year)).newMembers.actual;
    const ids = await addStaff(api, one, 3);
    const d = await api.ok(
      G.admit,
      { i: { grassrootsUnionId: one.id, decisionNumber: '01/QĐ-CĐCS', decidedOn: today, signer: 'Nguyễn Văn Chủ', memberIds: ids } },
      one.chair.token,
    );
    expect(d.admitMembers).toMatchObject({ number: '01/QĐ-CĐCS', decidedOn: today, signer: 'Nguyễn Văn Chủ' });
    expect(d.admitMembers.memberIds.sort()).toEqual([...ids].sort());
    expect(d.admitMembers.members.every((m: { status: string; decisionNumber: string }) => m.status === 'MEMBER' && m.decisionNumber === '01/QĐ-CĐCS')).toBe(
      true,
    );
    expect(await newThisMonth(one.id)).toBe(before.cdcs + 3);
    expect(await newThisMonth(a.unitId)).toBe(before.unit + 3);
    expect(await newThisMonth(a.federationId)).toBe(before.fed + 3);
    expect((await pipelineOf(api, a.supervisor.token, a.unitId, year)).newMembers.actual).toBe(yearBefore + 3);
    // The same number again in this CĐCS: CONFLICT, nothing admitted.
    const more = await addStaff(api, one, 1);
    const dup = await api.gql(
      G.admit,
      { i: { grassrootsUnionId: one.id, decisionNumber: '01/QĐ-CĐCS', decidedOn: today, signer: 'X', memberIds: more } },
      one.chair.token,
    );
    expect(codeOf(dup)).toBe('CONFLICT');
    expect((await api.ok(G.member, { id: more[0] }, one.chair.token)).member.status).toBe('NOT_MEMBER');
  });

  it('refuses ineligible people and a second active membership nationwide (INELIGIBLE, the batch changes nothing)', async () => {
    const [ok] = await addStaff(api, one, 1);
    const [manager] = await addStaff(api, one, 1, { isManager: true, job: 'Giám đốc' });
    const before = await newThisMonth(a.unitId);
    const r = await api.gql(
      G.admit,
      { i: { grassrootsUnionId: one.id, decisionNumber: '02/QĐ', decidedOn: today, signer: 'X', memberIds: [ok, manager] } },
      one.chair.token,
    );
    expect(codeOf(r)).toBe('INELIGIBLE');
    expect(errorOf(r).reasons).toEqual(['MANAGER']);
    expect(errorOf(r).members.map((m: { id: string }) => m.id)).toEqual([manager]);
    expect(await newThisMonth(a.unitId)).toBe(before);
    // A member of CĐCS one put on CĐCS two's list: admitting it there is refused.
    await api.ok(G.admit, { i: { grassrootsUnionId: one.id, decisionNumber: '03/QĐ', decidedOn: today, signer: 'X', memberIds: [ok] } }, one.chair.token);
    const person = (await api.ok(G.member, { id: ok }, one.chair.token)).member;
    const [row] = await api.db.query(`SELECT citizen_id, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, sex FROM grassroots_staff WHERE id = $1`, [ok]);
    const there = (
      await api.ok(
        G.addStaff,
        { i: { grassrootsUnionId: two.id, ...staffPerson({ fullName: person.fullName, citizenId: row.citizen_id, birthDate: row.birth_date, sex: row.sex }) } },
        two.chair.token,
      )
    ).addStaff;
    const second = await api.gql(
      G.admit,
      { i: { grassrootsUnionId: two.id, decisionNumber: '01/QĐ', decidedOn: today, signer: 'X', memberIds: [there.id] } },
      two.chair.token,
    );
    expect(codeOf(second)).toBe('INELIGIBLE');
    expect(errorOf(second).reasons).toEqual(['ALREADY_MEMBER']);
    // The database says the same: one active membership per citizen id.
    const insert = api.db.query(
      `INSERT INTO member (grassroots_union_id, staff_id, full_name, personal_id, birth_year, gender, admitted_on) VALUES ($1, $2, 'x', $3, 1990, 'Nam', $4)`,
      [two.id, there.id, row.citizen_id, today],
    );
    await expect(insert).rejects.toMatchObject({ constraint: 'UQ_member_active_personal_id' });
  });

  it('moves a member to another CĐCS on one day: a transfer, never a new member', async () => {
    const [id] = await addStaff(api, one, 1, { sex: 'MALE', birthDate: '1988-08-08', citizenId: citizenIdFor('1988-08-08', 'MALE') });
    await api.ok(G.admit, { i: { grassrootsUnionId: one.id, decisionNumber: '04/QĐ', decidedOn: today, signer: 'X', memberIds: [id] } }, one.chair.token);
    const [row] = await api.db.query(`SELECT citizen_id FROM grassroots_staff WHERE id = $1`, [id]);
    const newBefore = {
      one: await newThisMonth(one.id),
      two: await newThisMonth(two.id),
      unit: await newThisMonth(a.unitId),
      fed: await newThisMonth(a.federationId),
    };
    const endBefore = { one: (await atEnd(a.unitId, one.id)).membersAtEnd, two: (await atEnd(a.unitId, two.id)).membersAtEnd };
    const there = (
      await api.ok(
        G.addStaff,
        { i: { grassrootsUnionId: two.id, ...staffPerson({ citizenId: row.citizen_id, birthDate: '1988-08-08', sex: 'MALE' }) } },
        two.chair.token,
      )
    ).addStaff;
    const t = await api.ok(G.transfer, { i: { memberId: there.id, transferredOn: today, note: 'Chuyển công tác' } }, two.chair.token);
    expect(t.transferMember).toMatchObject({ status: 'MEMBER', admittedOn: today, transferredIn: true });
    const old = (await api.ok(G.member, { id }, one.chair.token)).member;
    expect(old).toMatchObject({ status: 'LEFT', leftOn: today, leftReason: 'TRANSFERRED' });
    expect(await newThisMonth(one.id)).toBe(newBefore.one);
    expect(await newThisMonth(two.id)).toBe(newBefore.two);
    expect(await newThisMonth(a.unitId)).toBe(newBefore.unit);
    expect(await newThisMonth(a.federationId)).toBe(newBefore.fed);
    expect((await atEnd(a.unitId, one.id)).membersAtEnd).toBe(endBefore.one - 1);
    expect((await atEnd(a.unitId, two.id)).membersAtEnd).toBe(endBefore.two + 1);
    expect((await atEnd(a.unitId, two.id)).membersAdmitted).toBe(newBefore.two);
    // Twice: the person is already a member here.
    expect(codeOf(await api.gql(G.transfer, { i: { memberId: there.id, transferredOn: today } }, two.chair.token))).toBe('CONFLICT');
    // Nobody to transfer: no active membership with that citizen id.
    const [nobody] = await addStaff(api, two, 1);
    const none = await api.gql(G.transfer, { i: { memberId: nobody, transferredOn: today } }, two.chair.token);
    expect(codeOf(none)).toBe('BAD_USER_INPUT');
    expect(errorOf(none).fields).toEqual(['memberId']);
  });

  it('records leavers with their reason and lists them by reason; a transfer is not recorded as leaving', async () => {
    const c = await newCdcs(api, a, 'Công ty Gỗ');
    const ids = await addStaff(api, c, 4);
    await api.ok(G.admit, { i: { grassrootsUnionId: c.id, decisionNumber: '01/QĐ', decidedOn: today, signer: 'X', memberIds: ids } }, c.chair.token);
    const reasons = ['LEFT_JOB', 'LEFT_JOB', 'DIED'];
    for (let i = 0; i < reasons.length; i++) {
      const d = await api.ok(G.leave, { i: { memberId: ids[i], leftOn: today, reason: reasons[i], note: 'Ghi chú' } }, c.chair.token);
      expect(d.recordMemberLeaving).toMatchObject({ status: 'LEFT', leftOn: today, leftReason: reasons[i] });
    }
    const count = async (f: Record<string, unknown>) => (await api.ok(G.members, { g: c.id, f }, c.chair.token)).members.totalCount;
    expect(await count({ leftReason: 'LEFT_JOB' })).toBe(2);
    expect(await count({ leftReason: 'DIED' })).toBe(1);
    expect(await count({ leftReason: 'WITHDREW' })).toBe(0);
    expect(await count({ status: 'LEFT' })).toBe(3);
    expect(await count({ status: 'MEMBER' })).toBe(1);
    expect((await atEnd(a.unitId, c.id)).membersAtEnd).toBe(1);
    const transfer = await api.gql(G.leave, { i: { memberId: ids[3], leftOn: today, reason: 'TRANSFERRED' } }, c.chair.token);
    expect(errorOf(transfer).fields).toEqual(['reason']);
    expect(codeOf(await api.gql(G.leave, { i: { memberId: ids[0], leftOn: today, reason: 'WITHDREW' } }, c.chair.token))).toBe('CONFLICT');
  });

  it('searches names without diacritics and pages through the list', async () => {
    const c = await newCdcs(api, a, 'Công ty Nhựa');
    await api.ok(
      G.addStaff,
      {
        i: {
          grassrootsUnionId: c.id,
          ...staffPerson({ fullName: 'Đặng Thị Hồng Nhung', sex: 'FEMALE', birthDate: '1992-02-02', citizenId: citizenIdFor('1992-02-02', 'FEMALE') }),
        },
      },
      c.chair.token,
    );
    await addStaff(api, c, 4);
    const found = (await api.ok(G.members, { g: c.id, f: { search: 'dang thi hong' } }, c.chair.token)).members;
    expect(found.nodes.map((n: { fullName: string }) => n.fullName)).toEqual(['Đặng Thị Hồng Nhung']);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await api.ok(G.members, { g: c.id, first: 2, after }, c.chair.token)).members;
      expect(page.totalCount).toBe(5);
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(5);
  });

  it('keeps a GRASSROOTS user to its own CĐCS: every register query and mutation on another CĐCS answers NOT_FOUND and changes nothing', async () => {
    const [mine] = await addStaff(api, one, 1);
    const [other] = await addStaff(api, two, 1);
    const [farId] = await addStaff(api, far, 1);
    const before = await registerRows();
    for (const [target, staffId] of [
      [two.id, other],
      [far.id, farId],
    ]) {
      const calls: [string, Record<string, unknown>][] = [
        [G.members, { g: target }],
        [G.member, { id: staffId }],
        [G.addStaff, { i: { grassrootsUnionId: target, ...staffPerson() } }],
        [G.updateStaff, { i: { id: staffId, ...staffPerson() } }],
        [G.admit, { i: { grassrootsUnionId: target, decisionNumber: '99/QĐ', decidedOn: today, signer: 'X', memberIds: [staffId] } }],
        [G.admit, { i: { grassrootsUnionId: one.id, decisionNumber: '98/QĐ', decidedOn: today, signer: 'X', memberIds: [mine, staffId] } }],
        [G.leave, { i: { memberId: staffId, leftOn: today, reason: 'LEFT_JOB' } }],
        [G.transfer, { i: { memberId: staffId, transferredOn: today } }],
      ];
      for (const [doc, vars] of calls) expect([doc.slice(0, 40), codeOf(await api.gql(doc, vars, one.chair.token))]).toEqual([doc.slice(0, 40), 'NOT_FOUND']);
    }
    expect(await registerRows()).toBe(before);
    // The upper level's operations are not a CĐCS's.
    for (const q of [`{ enterprises { totalCount } }`, `{ foundingCases { totalCount } }`, `{ escalations { id } }`])
      expect(codeOf(await api.gql(q, {}, one.chair.token))).toBe('FORBIDDEN');
    expect((await api.ok(`{ me { role orgUnit { id } } }`, {}, one.chair.token)).me).toEqual({ role: 'GRASSROOTS', orgUnit: { id: one.id } });
  });

  it("lets the upper level read its subtree's CĐCS, not change them, and not see another province's", async () => {
    for (const token of [a.supervisor.token, a.officers[0].token, a.federationSupervisor.token]) {
      expect((await api.ok(G.members, { g: one.id }, token)).members.totalCount).toBeGreaterThan(0);
      expect(codeOf(await api.gql(G.members, { g: far.id }, token))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(G.addStaff, { i: { grassrootsUnionId: one.id, ...staffPerson() } }, token))).toBe('FORBIDDEN');
    }
  });

  it('puts the founders of a recognized case in the new CĐCS register and gives it a first GRASSROOTS account', async () => {
    const ref = await walkToStage(api, a, 'RECOGNIZED');
    const [c] = await api.db.query(`SELECT grassroots_union_id FROM founding_case WHERE id = $1`, [ref.caseId]);
    const list = (await api.ok(G.members, { g: c.grassroots_union_id }, a.supervisor.token)).members;
    expect(list.totalCount).toBe(5);
    expect(list.nodes.every((n: { status: string }) => n.status === 'MEMBER')).toBe(true);
    const email = `chu.tich.${a.tag}@test.vn`;
    const input = { caseId: ref.caseId, email, fullName: 'Lê Thị Chủ Tịch', password: 'Mot-mat-khau-dai-9' };
    expect(codeOf(await api.gql(G.account, { i: input }, a.officers[0].token))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(G.account, { i: input }, b.supervisor.token))).toBe('NOT_FOUND');
    const d = await api.ok(G.account, { i: input }, a.supervisor.token);
    expect(d.createGrassrootsAccount).toMatchObject({ role: 'GRASSROOTS', orgUnit: { id: c.grassroots_union_id } });
    const token = await api.login(email, 'Mot-mat-khau-dai-9');
    expect((await api.ok(G.members, { g: c.grassroots_union_id }, token)).members.totalCount).toBe(5);
    expect(codeOf(await api.gql(G.members, { g: one.id }, token))).toBe('NOT_FOUND');
    // A case not recognized yet has no CĐCS to give an account to.
    const open = await walkToStage(api, a, 'SURVEY');
    const early = await api.gql(G.account, { i: { ...input, caseId: open.caseId, email: `x.${a.tag}@test.vn` } }, a.supervisor.token);
    expect(codeOf(early)).toBe('TRANSITION_NOT_ALLOWED');
  });
});
