import { Workbook } from 'exceljs';
import { ReportBuilderService } from '@app/core';
import { RETURN_INDICATORS, RETURN_INDICATOR_VI } from '@app/domain';
import { R } from '../support/statistics-returns';
import { codeOf, errorOf } from '../support/case-fixtures';
import { Cdcs, G, addStaff, newCdcs } from '../support/grassroots';
import { Province, TestApi } from '../support/test-api';

/** A CĐCS's statistics return: prefill, adjust, submit, send back, resubmit, accept (docs/architecture.md#statistics-returns). */
jest.setTimeout(120_000);

type Figures = Record<string, number>;
const START = '2025-12-01';
const END = '2026-05-31';
const period = { k: 'HALF_YEAR', y: 2026 };

describe('statistics returns of a CĐCS', () => {
  let api: TestApi;
  let a: Province;
  let b: Province;
  let one: Cdcs;
  let two: Cdcs;

  const admit = async (c: Cdcs, ids: string[], day: string, n: string) =>
    api.ok(G.admit, { i: { grassrootsUnionId: c.id, decisionNumber: n, decidedOn: day, signer: 'Chủ tịch', memberIds: ids } }, c.chair.token);
  const get = async (c: Cdcs, token = c.chair.token) => (await api.ok(R.get, { g: c.id, ...period }, token)).statisticsReturn;

  /** The figures counted in JS from the register as the API shows it (every membership of every person). */
  const fromRegister = async (c: Cdcs): Promise<Figures> => {
    const list = (await api.ok(G.members, { g: c.id, first: 200 }, c.chair.token)).members.nodes as { id: string }[];
    const f: Figures = Object.fromEntries(RETURN_INDICATORS.map((k) => [k, 0]));
    const leftKey: Record<string, string> = {
      TRANSFERRED: 'leftTransferred',
      LEFT_JOB: 'leftJob',
      WITHDREW: 'leftWithdrew',
      EXPELLED: 'leftExpelled',
      DIED: 'leftDied',
      PAUSED: 'leftPaused',
      DISSOLVED: 'leftDissolved',
    };
    for (const { id } of list) {
      const p = (await api.ok(`query($id: ID!) { member(id: $id) { sex memberships { admittedOn leftOn leftReason transferredIn } } }`, { id }, c.chair.token))
        .member;
      const on = (m: { admittedOn: string; leftOn: string | null }, d: string) => m.admittedOn <= d && (!m.leftOn || m.leftOn > d);
      let memberAtEnd = false;
      for (const m of p.memberships) {
        if (on(m, '2025-11-30')) f.membersAtStart += 1;
        if (m.admittedOn >= START && m.admittedOn <= END) f[m.transferredIn ? 'transferredIn' : 'admitted'] += 1;
        if (m.leftOn && m.leftOn >= START && m.leftOn <= END) f[leftKey[m.leftReason]] += 1;
        if (on(m, END)) memberAtEnd = true;
      }
      if (memberAtEnd) {
        f.membersAtEnd += 1;
        if (p.sex === 'FEMALE') f.womenMembers += 1;
      } else f.staffNotMembers += 1;
    }
    // The CĐCS keeps no union groups: blank, not 0 (docs/architecture.md#party-recommendations-and-union-groups).
    return { ...f, unionGroups: null } as unknown as Figures;
  };

  beforeAll(async () => {
    api = await TestApi.start();
    a = await api.newProvince(1);
    b = await api.newProvince(1);
    one = await newCdcs(api, a, 'Công ty Dệt Thống Kê');
    two = await newCdcs(api, a, 'Công ty Giày Thống Kê');
    const early = await addStaff(api, one, 4);
    const during = await addStaff(api, one, 3);
    const later = await addStaff(api, one, 1);
    await addStaff(api, one, 1); // never a member
    await admit(one, early, '2025-06-10', 'QĐ-01');
    await admit(one, during, '2026-02-10', 'QĐ-02');
    await admit(one, later, '2026-07-01', 'QĐ-03');
    await api.ok(G.leave, { i: { memberId: early[0], leftOn: '2026-03-01', reason: 'LEFT_JOB' } }, one.chair.token);
    await api.ok(G.leave, { i: { memberId: during[0], leftOn: '2026-04-01', reason: 'WITHDREW' } }, one.chair.token);
    // A member of the other CĐCS moves here: transferred in for one, transferred out for two.
    const [mover] = await addStaff(api, two, 1);
    await admit(two, [mover], '2025-06-10', 'QĐ-09');
    const moverRow = (
      await api.db.query(`SELECT full_name, citizen_id, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, sex FROM grassroots_staff WHERE id = $1`, [mover])
    )[0];
    const arrived = await api.ok(
      G.addStaff,
      { i: { grassrootsUnionId: one.id, fullName: moverRow.full_name, citizenId: moverRow.citizen_id, birthDate: moverRow.birth_date, sex: moverRow.sex } },
      one.chair.token,
    );
    await api.ok(G.transfer, { i: { memberId: arrived.addStaff.id, transferredOn: '2026-03-15' } }, one.chair.token);
    // The staff lists were kept before the period (the rows are written today).
    await api.db.query(`UPDATE grassroots_staff SET created_at = '2025-01-01' WHERE grassroots_union_id = ANY($1)`, [[one.id, two.id]]);
    // Both CĐCS existed on the reference day, so both owe the return.
    await api.db.query(`UPDATE org_unit SET established_on = '2025-01-01' WHERE id = ANY($1)`, [[one.id, two.id]]);
  });
  afterAll(() => api?.close());

  it('is prefilled from the register as at the reference day, equal to the register counted person by person', async () => {
    const r = await get(one);
    expect(r).toMatchObject({ id: null, status: 'DRAFT', version: 0, periodStart: START, referenceDay: END, late: false });
    expect(r.figures).toMatchObject({
      membersAtStart: 4,
      admitted: 3,
      transferredIn: 1,
      leftJob: 1,
      leftWithdrew: 1,
      leftTransferred: 0,
      membersAtEnd: 6,
      staffNotMembers: 4,
    });
    expect(r.figures).toEqual(await fromRegister(one));
    expect(r.prefill).toEqual(r.figures);
    const other = await get(two);
    expect(other.figures).toMatchObject({ membersAtStart: 1, leftTransferred: 1, membersAtEnd: 0, admitted: 0 });
    expect(other.figures).toEqual(await fromRegister(two));
  });

  it('is scoped: another CĐCS and another province answer NOT_FOUND; officers may not decide', async () => {
    expect(codeOf(await api.gql(R.get, { g: one.id, ...period }, two.chair.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(R.get, { g: one.id, ...period }, b.supervisor.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(R.board, { u: a.unitId, ...period }, one.chair.token))).toBe('NOT_FOUND');
    expect((await get(one, a.officers[0].token)).figures.membersAtEnd).toBe(6);
  });

  it('is saved (a note for an adjustment), submitted read-only, sent back, corrected, resubmitted and accepted, every version kept', async () => {
    const base = await get(one);
    const i = { grassrootsUnionId: one.id, kind: 'HALF_YEAR', year: 2026, version: 0, figures: base.figures };
    const adjusted = { ...base.figures, admitted: 4, membersAtEnd: 7 };
    const noNote = await api.gql(R.save, { i: { ...i, figures: adjusted } }, one.chair.token);
    expect(codeOf(noNote)).toBe('BAD_USER_INPUT');
    expect(errorOf(noNote).fields).toEqual(['note']);
    const unbalanced = await api.gql(R.save, { i: { ...i, figures: { ...base.figures, admitted: 4 }, note: 'x' } }, one.chair.token);
    expect(errorOf(unbalanced).fields).toEqual(['figures.membersAtEnd']);
    expect(errorOf(unbalanced).messages['figures.membersAtEnd']).toContain('Đoàn viên cuối kỳ phải bằng');
    expect(codeOf(await api.gql(R.save, { i }, two.chair.token))).toBe('NOT_FOUND');
    const saved = (await api.ok(R.save, { i }, one.chair.token)).saveStatisticsReturn;
    expect(saved).toMatchObject({ status: 'DRAFT', version: 1 });
    expect(codeOf(await api.gql(R.save, { i }, one.chair.token))).toBe('CONFLICT');
    expect(codeOf(await api.gql(R.submit, { i: { id: saved.id, version: 1 } }, two.chair.token))).toBe('NOT_FOUND');
    const submitted = (await api.ok(R.submit, { i: { id: saved.id, version: 1 } }, one.chair.token)).submitStatisticsReturn;
    expect(submitted).toMatchObject({ status: 'SUBMITTED', version: 2, late: true });
    expect(codeOf(await api.gql(R.save, { i: { ...i, version: 2 } }, one.chair.token))).toBe('TRANSITION_NOT_ALLOWED');
    expect(codeOf(await api.gql(R.submit, { i: { id: saved.id, version: 2 } }, one.chair.token))).toBe('TRANSITION_NOT_ALLOWED');
    expect(codeOf(await api.gql(R.accept, { i: { id: saved.id, version: 2 } }, a.officers[0].token))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(R.accept, { i: { id: saved.id, version: 2 } }, b.supervisor.token))).toBe('NOT_FOUND');
    const noReason = await api.gql(R.sendBack, { i: { id: saved.id, version: 2, reason: ' ' } }, a.supervisor.token);
    expect(errorOf(noReason).fields).toEqual(['reason']);
    const back = (await api.ok(R.sendBack, { i: { id: saved.id, version: 2, reason: 'Thiếu một người kết nạp tháng 5' } }, a.supervisor.token))
      .sendBackStatisticsReturn;
    expect(back).toMatchObject({ status: 'SENT_BACK', version: 3, sentBackReason: 'Thiếu một người kết nạp tháng 5' });
    const fixed = (await api.ok(R.save, { i: { ...i, version: 3, figures: adjusted, note: 'Bổ sung một người kết nạp 28/5' } }, one.chair.token))
      .saveStatisticsReturn;
    expect(fixed).toMatchObject({ status: 'SENT_BACK', version: 4, note: 'Bổ sung một người kết nạp 28/5' });
    await api.ok(R.submit, { i: { id: saved.id, version: 4 } }, one.chair.token);
    expect((await api.ok(R.accept, { i: { id: saved.id, version: 5 } }, a.supervisor.token)).acceptStatisticsReturn).toMatchObject({
      status: 'ACCEPTED',
      version: 6,
    });
    const r = await get(one, a.supervisor.token);
    expect(r.versions.map((v: { action: string }) => v.action)).toEqual(['SAVE', 'SUBMIT', 'SEND_BACK', 'SAVE', 'SUBMIT', 'ACCEPT']);
    expect(r.versions[1].figures.admitted).toBe(3);
    expect(r.versions[5].figures.admitted).toBe(4);
    expect(r.versions[2].reason).toBe('Thiếu một người kết nạp tháng 5');
    expect(r).toMatchObject({ status: 'ACCEPTED', late: true });
    expect(r.figures.membersAtEnd).toBe(7);
  });

  it('shows the upper level who is accepted and who is missing, and sums the accepted returns', async () => {
    const board = (await api.ok(R.board, { u: a.unitId, ...period }, a.supervisor.token)).statisticsReturns;
    expect(board).toMatchObject({ accepted: 1, missing: 1, submitted: 0, late: 2, notSubmitted: 0 });
    expect(board.rows.find((r: { grassrootsUnionId: string }) => r.grassrootsUnionId === two.id)).toMatchObject({
      state: 'MISSING',
      late: true,
      returnId: null,
    });
    const mine = (await api.ok(R.board, { u: one.id, ...period }, one.chair.token)).statisticsReturns;
    expect(mine.rows).toHaveLength(1);
    const c = (await api.ok(R.consolidated, { u: a.unitId, ...period }, a.supervisor.token)).consolidatedStatisticsReturn;
    expect(c.total).toMatchObject({ grassroots: 2, accepted: 1 });
    expect(c.total.figures).toMatchObject({ membersAtStart: 4, admitted: 4, membersAtEnd: 7 });
    expect(c.rows.find((r: { unitId: string }) => r.unitId === two.id)).toMatchObject({ accepted: 0, figures: { membersAtEnd: 0 } });
    expect(c.missing).toEqual([{ grassrootsUnionId: two.id, state: 'MISSING' }]);
    const fed = (await api.ok(R.consolidated, { u: a.federationId, ...period }, a.federationSupervisor.token)).consolidatedStatisticsReturn;
    expect(fed.rows.find((r: { unitId: string }) => r.unitId === a.unitId)).toMatchObject({ grassroots: 2, accepted: 1, figures: { admitted: 4 } });
    const own = (await api.ok(R.consolidated, { u: one.id, ...period }, one.chair.token)).consolidatedStatisticsReturn;
    expect(own.rows).toEqual([expect.objectContaining({ unitId: one.id, grassroots: 1, accepted: 1 })]);
    expect(own).toMatchObject({ total: { grassroots: 1, accepted: 1, figures: { admitted: 4, membersAtEnd: 7 } }, missing: [] });
  });

  it('puts the consolidation into the period report as its own sheet: units by indicators, the total, the CĐCS without an accepted return', async () => {
    const { requestReport } = await api.ok(
      `mutation($i: ReportInput!) { requestReport(input: $i) { id } }`,
      {
        i: { orgUnitId: a.unitId, periodKind: 'QUARTER', periodStart: '2026-04-01' },
      },
      a.supervisor.token,
    );
    expect(await api.app.get(ReportBuilderService).build(requestReport.id)).toEqual({ built: true });
    const [{ xlsx }] = await api.db.query(`SELECT xlsx FROM report WHERE id = $1`, [requestReport.id]);
    const wb = new Workbook();
    await wb.xlsx.load(xlsx);
    const ws = wb.getWorksheet('Báo cáo thống kê CĐCS')!;
    expect(String(ws.getRow(4).getCell(1).value)).toContain('Báo cáo 6 tháng 2026 (mẫu 2-HĐCĐ): số liệu đến ngày 31/05/2026');
    expect((ws.getRow(5).values as unknown[]).slice(1)).toEqual([
      'STT',
      'Đơn vị',
      'Số CĐCS',
      'CĐCS có báo cáo được duyệt',
      ...RETURN_INDICATORS.map((k) => RETURN_INDICATOR_VI[k]),
    ]);
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => {
      // Empty cells (a blank union-groups figure) read as null, every row as wide as the table.
      if (n > 5) rows.push(Array.from({ length: 4 + RETURN_INDICATORS.length }, (_, i) => (row.values as unknown[])[i + 1] ?? null));
    });
    const byName = (name: string) => rows.find((r) => r[1] === name)!;
    const oneName = (await api.db.query(`SELECT name FROM org_unit WHERE id = $1`, [one.id]))[0].name;
    const twoName = (await api.db.query(`SELECT name FROM org_unit WHERE id = $1`, [two.id]))[0].name;
    const accepted = (await get(one)).figures;
    expect(byName(oneName).slice(2)).toEqual([1, 1, ...RETURN_INDICATORS.map((k) => accepted[k])]);
    expect(byName(twoName).slice(2)).toEqual([1, 0, ...RETURN_INDICATORS.map((k) => (k === 'unionGroups' ? null : 0))]);
    expect(byName('Tổng cộng').slice(2)).toEqual([2, 1, ...RETURN_INDICATORS.map((k) => accepted[k])]);
    const missingAt = rows.findIndex((r) => r[1] === 'Công đoàn cơ sở chưa có báo cáo được duyệt');
    expect(rows.slice(missingAt + 1).map((r) => [r[1], r[3]])).toEqual([[twoName, 'Chưa gửi, quá hạn']]);
  });
});
