import { Workbook } from 'exceljs';
import { ReportBuilderService } from '@app/core';
import { codeOf, createEnterprise, errorOf, vnToday } from '../support/case-fixtures';
import { PB, headingsOf } from '../support/plan-budget';
import { Province, TestApi } from '../support/test-api';

jest.setTimeout(120_000);

const today = vnToday();
const year = Number(today.slice(0, 4));
const OPEN = `mutation($i: OpenCaseInput!) { openFoundingCase(input: $i) { id assignee { id } } }`;
const AREA_OFFICER = `query($id: ID!) { enterprise(id: $id) { id areaOfficer { id fullName } } }`;

describe('plan, areas and budget', () => {
  let api: TestApi;
  let p: Province;
  let other: Province;

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(3);
    other = await api.newProvince(1);
  });
  afterAll(() => api.close());

  describe('the plan', () => {
    it('keeps every version readable, sets the targets, and refuses a stale save', async () => {
      const base = {
        orgUnitId: p.unitId,
        year,
        number: '256/KH-CĐYT',
        issuedOn: `${year}-06-27`.slice(0, 10) > today ? today : `${year}-06-27`,
        title: 'Kế hoạch phát triển đoàn viên, thành lập CĐCS',
        newMembers: 130,
        newGrassrootsUnions: 2,
        coveragePercent: 80,
        assignments: [{ officerId: p.officers[0].id, duty: 'Phụ trách khu vực thành phố', newMembers: 60 }],
        baseVersion: 0,
      };
      expect(await api.ok(PB.plan, { u: p.unitId, y: year }, p.supervisor.token)).toEqual({ plan: null });
      const v1 = (await api.ok(PB.savePlan, { i: base }, p.supervisor.token)).savePlan;
      expect(v1).toMatchObject({ version: 1, latest: true, number: '256/KH-CĐYT', newMembers: 130 });
      const v2 = (
        await api.ok(
          PB.savePlan,
          {
            i: {
              ...base,
              number: '256/KH-CĐYT (sửa đổi)',
              newMembers: 150,
              assignments: [...base.assignments, { officerId: p.officers[1].id, duty: 'Phụ trách khu công nghiệp', newMembers: 90 }],
              baseVersion: 1,
            },
          },
          p.supervisor.token,
        )
      ).savePlan;
      expect(v2).toMatchObject({ version: 2, newMembers: 150 });
      expect(v2.assignments.map((a: { officerId: string }) => a.officerId)).toEqual([p.officers[0].id, p.officers[1].id]);

      // Earlier versions stay as saved.
      const old = (await api.ok(PB.plan, { u: p.unitId, y: year, v: 1 }, p.officers[0].token)).plan;
      expect(old).toMatchObject({ version: 1, latest: false, number: '256/KH-CĐYT', newMembers: 130 });
      expect(old.assignments).toHaveLength(1);
      const versions = (await api.ok(PB.planVersions, { u: p.unitId, y: year }, p.officers[0].token)).planVersions;
      expect(versions.map((v: { version: number; latest: boolean }) => [v.version, v.latest])).toEqual([
        [2, true],
        [1, false],
      ]);
      // The targets the figures read are the latest version's.
      const [t] = await api.db.query(`SELECT new_members FROM target WHERE org_unit_id = $1 AND year = $2`, [p.unitId, year]);
      expect(t.new_members).toBe(150);
      const [o] = await api.db.query(`SELECT new_members FROM target WHERE officer_id = $1 AND year = $2`, [p.officers[1].id, year]);
      expect(o.new_members).toBe(90);

      const stale = await api.gql(PB.savePlan, { i: { ...base, baseVersion: 1 } }, p.supervisor.token);
      expect(codeOf(stale)).toBe('CONFLICT');
      expect((await api.ok(PB.planVersions, { u: p.unitId, y: year }, p.supervisor.token)).planVersions).toHaveLength(2);
    });

    it('refuses a bad plan naming every field, in Vietnamese, and saves nothing', async () => {
      const r = await api.gql(
        PB.savePlan,
        { i: { orgUnitId: p.unitId, year: 1999, number: ' ', issuedOn: today, title: '', assignments: [{ officerId: other.officers[0].id, duty: 'x' }] } },
        p.supervisor.token,
      );
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(errorOf(r).fields).toEqual(expect.arrayContaining(['year', 'number', 'title']));
      const foreign = await api.gql(
        PB.savePlan,
        {
          i: {
            orgUnitId: p.unitId,
            year: year + 1,
            number: '1/KH',
            issuedOn: today,
            title: 'Kế hoạch',
            assignments: [{ officerId: other.officers[0].id, duty: 'x' }],
          },
        },
        p.supervisor.token,
      );
      expect(errorOf(foreign)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['assignments'] });
      expect(await api.ok(PB.plan, { u: p.unitId, y: year + 1 }, p.supervisor.token)).toEqual({ plan: null });
    });
  });

  describe('areas', () => {
    it("defaults a new case's assignee to the area's officer; an explicit assignee still wins; the register shows the officer", async () => {
      const district = `Huyện Vũ Thư ${p.tag}`;
      const byDistrict = await createEnterprise(api, p, { district });
      const listed = await createEnterprise(api, p, { district: `Huyện Kiến Xương ${p.tag}` });
      const nobody = await createEnterprise(api, p, { district: `Huyện Tiền Hải ${p.tag}` });
      const [a, b] = p.officers;
      // The district written differently (case, diacritics) still matches.
      await api.ok(PB.saveArea, { i: { officerId: a.id, districts: [`huyen vu thu ${p.tag}`] } }, p.supervisor.token);
      await api.ok(PB.saveArea, { i: { officerId: b.id, enterpriseIds: [listed] } }, p.supervisor.token);

      expect((await api.ok(OPEN, { i: { enterpriseId: byDistrict } }, p.supervisor.token)).openFoundingCase.assignee).toEqual({ id: a.id });
      expect((await api.ok(OPEN, { i: { enterpriseId: listed, assigneeId: a.id } }, p.supervisor.token)).openFoundingCase.assignee).toEqual({ id: a.id });
      expect((await api.ok(OPEN, { i: { enterpriseId: nobody } }, p.supervisor.token)).openFoundingCase.assignee).toBeNull();

      expect((await api.ok(AREA_OFFICER, { id: byDistrict }, p.supervisor.token)).enterprise.areaOfficer.id).toBe(a.id);
      expect((await api.ok(AREA_OFFICER, { id: listed }, p.supervisor.token)).enterprise.areaOfficer.id).toBe(b.id);
      expect((await api.ok(AREA_OFFICER, { id: nobody }, p.supervisor.token)).enterprise.areaOfficer).toBeNull();
      const list = await api.ok(
        `query($f: EnterpriseFilter) { enterprises(filter: $f, first: 200) { nodes { id areaOfficer { id } } } }`,
        { f: { orgUnitId: p.unitId } },
        p.supervisor.token,
      );
      const officerOf = new Map(list.enterprises.nodes.map((n: { id: string; areaOfficer: { id: string } | null }) => [n.id, n.areaOfficer?.id ?? null]));
      expect([officerOf.get(byDistrict), officerOf.get(listed), officerOf.get(nobody)]).toEqual([a.id, b.id, null]);
    });

    it('refuses overlapping areas unless both are shared, and shows coverage per area', async () => {
      const q = await api.newProvince(2);
      const [a, b] = q.officers;
      const district = `Thành phố Thái Bình ${q.tag}`;
      const big = await createEnterprise(api, q, { district, workerCount: 120, hasUnion: true });
      await createEnterprise(api, q, { district, workerCount: 40, hasUnion: false });
      await createEnterprise(api, q, { district, workerCount: 10, hasUnion: false });
      const saved = (await api.ok(PB.saveArea, { i: { officerId: a.id, districts: [district] } }, q.supervisor.token)).saveOfficerArea;
      expect(saved).toMatchObject({ enterpriseCount: 3, focus: 2, focusWithUnion: 1, coveragePercent: 50, shared: false });

      // B names an enterprise that lies in A's district: refused, naming the enterprise and A, and nothing saved.
      const r = await api.gql(PB.saveArea, { i: { officerId: b.id, enterpriseIds: [big] } }, q.supervisor.token);
      expect(codeOf(r)).toBe('CONFLICT');
      expect(r.errors![0].message).toContain('trùng');
      expect(r.errors![0].message).toContain(`officer1 ${q.tag}`);
      const sameDistrict = await api.gql(PB.saveArea, { i: { officerId: b.id, districts: [district.toUpperCase()] } }, q.supervisor.token);
      expect(codeOf(sameDistrict)).toBe('CONFLICT');
      // Shared on one side only: still refused.
      expect(codeOf(await api.gql(PB.saveArea, { i: { officerId: b.id, enterpriseIds: [big], shared: true } }, q.supervisor.token))).toBe('CONFLICT');
      expect((await api.ok(PB.areas, { u: q.unitId }, q.supervisor.token)).officerAreas).toHaveLength(1);

      // Both shared: allowed; the enterprise then has no single default officer.
      await api.ok(PB.saveArea, { i: { officerId: a.id, districts: [district], shared: true } }, q.supervisor.token);
      const both = (await api.ok(PB.saveArea, { i: { officerId: b.id, enterpriseIds: [big], shared: true } }, q.supervisor.token)).saveOfficerArea;
      expect(both).toMatchObject({ shared: true, enterpriseCount: 1, focus: 1, focusWithUnion: 1 });
      // Listed by name beats held through a district.
      expect((await api.ok(AREA_OFFICER, { id: big }, q.supervisor.token)).enterprise.areaOfficer.id).toBe(b.id);
      const areas = (await api.ok(PB.areas, { u: q.unitId }, a.token)).officerAreas;
      expect(areas.map((x: { officerId: string; coveragePercent: number }) => [x.officerId, x.coveragePercent])).toEqual([
        [a.id, 50],
        [b.id, 100],
      ]);
    });

    it('refuses an area for someone not an officer, or an enterprise of another unit', async () => {
      const r = await api.gql(PB.saveArea, { i: { officerId: p.supervisor.id, districts: ['Huyện Đông Hưng'] } }, p.supervisor.token);
      expect(errorOf(r)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['officerId'] });
      // No officer chosen (the page's empty choice): said on the field, not "not found".
      const none = await api.gql(PB.saveArea, { i: { officerId: '', districts: ['Huyện Đông Hưng'] } }, p.supervisor.token);
      expect(errorOf(none)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['officerId'] });
      expect(none.errors![0].message).toContain('Cán bộ không được để trống');
      const foreign = await createEnterprise(api, other);
      const f = await api.gql(PB.saveArea, { i: { officerId: p.officers[2].id, enterpriseIds: [foreign] } }, p.supervisor.token);
      expect(errorOf(f)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['enterpriseIds'] });
    });
  });

  describe('budget', () => {
    it("gives the seed's headings by default and lets the unit add its own", async () => {
      const h = await headingsOf(api, p.officers[0].token, p.unitId, year);
      expect(Object.keys(h)).toEqual([
        'Khảo sát, tuyên truyền',
        'Hành chính',
        'Phụ cấp trách nhiệm',
        'Bồi dưỡng cán bộ',
        'Thuê cộng tác viên',
        'Hỗ trợ CĐCS mới thành lập',
      ]);
      const added = (await api.ok(PB.saveHeading, { i: { orgUnitId: p.unitId, name: 'Khen thưởng' } }, p.supervisor.token)).saveBudgetHeading;
      expect(added).toMatchObject({ name: 'Khen thưởng', position: 7, active: true });
      const dup = await api.gql(PB.saveHeading, { i: { orgUnitId: p.unitId, name: 'hanh chinh' } }, p.supervisor.token);
      expect(errorOf(dup)).toMatchObject({ code: 'CONFLICT', fields: ['name'] });
    });

    it('renames and retires a heading: its entries keep their heading, a retired one takes no new entry', async () => {
      const q = await api.newProvince(1);
      const h = await headingsOf(api, q.supervisor.token, q.unitId, year);
      const id = h['Thuê cộng tác viên'];
      const rec = () =>
        api.gql(PB.record, { i: { orgUnitId: q.unitId, headingId: id, spentOn: today, amount: '500000', voucherNumber: 'PC-9' } }, q.supervisor.token);
      expect(codeOf(await rec())).toBeUndefined();
      const renamed = (await api.ok(PB.saveHeading, { i: { orgUnitId: q.unitId, id, name: 'Thuê cộng tác viên khảo sát', active: false } }, q.supervisor.token))
        .saveBudgetHeading;
      expect(renamed).toMatchObject({ id, name: 'Thuê cộng tác viên khảo sát', active: false });
      const refused = await rec();
      expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['headingId'] });
      const b = (await api.ok(PB.budget, { u: q.unitId, y: year }, q.supervisor.token)).budget;
      expect(b.headings.find((x: { id: string }) => x.id === id)).toMatchObject({ spent: '500000', active: false });
      expect(b.entries).toHaveLength(1);
      // Another unit's heading id answers NOT_FOUND, changing nothing.
      expect(codeOf(await api.gql(PB.saveHeading, { i: { orgUnitId: p.unitId, id, name: 'Khác' } }, p.supervisor.token))).toBe('NOT_FOUND');
    });

    it('keeps a ledger: totals are the sum of the entries after reversals, and the database refuses changes in place', async () => {
      const h = await headingsOf(api, p.supervisor.token, p.unitId, year);
      const heading = h['Hành chính'];
      const rec = (amount: string, voucher: string) =>
        api.ok(
          PB.record,
          { i: { orgUnitId: p.unitId, headingId: heading, spentOn: today, amount, voucherNumber: voucher, note: 'Văn phòng phẩm' } },
          p.supervisor.token,
        );
      const e1 = (await rec('1250000', 'PC-01')).recordBudgetEntry.entry;
      const e2 = (await rec('300000', 'PC-02')).recordBudgetEntry.entry;
      await rec('75000', 'PC-03');
      const rev = (await api.ok(PB.reverse, { i: { entryId: e2.id, reason: 'Ghi nhầm số tiền' } }, p.supervisor.token)).reverseBudgetEntry;
      expect(rev.entry).toMatchObject({ amount: '-300000', reversesId: e2.id, note: 'Ghi nhầm số tiền', voucherNumber: 'PC-02', spentOn: today });
      expect(rev.heading.spent).toBe('1325000');
      // Reversed once only; a reversal is not reversed.
      expect(codeOf(await api.gql(PB.reverse, { i: { entryId: e2.id, reason: 'Lần nữa' } }, p.supervisor.token))).toBe('CONFLICT');
      expect(codeOf(await api.gql(PB.reverse, { i: { entryId: rev.entry.id, reason: 'Đảo bút toán đảo' } }, p.supervisor.token))).toBe('CONFLICT');

      const b = (await api.ok(PB.budget, { u: p.unitId, y: year }, p.supervisor.token)).budget;
      const mine = b.entries.filter((e: { headingId: string }) => e.headingId === heading);
      const sum = mine.reduce((n: bigint, e: { amount: string }) => n + BigInt(e.amount), 0n);
      expect(sum.toString()).toBe(b.headings.find((x: { id: string }) => x.id === heading).spent);
      expect(sum).toBe(1_325_000n);
      expect(b.entries.find((e: { id: string }) => e.id === e2.id).reversedById).toBe(rev.entry.id);
      expect(b.entries.find((e: { id: string }) => e.id === e1.id).reversedById).toBeNull();

      await expect(api.db.query(`UPDATE budget_entry SET amount = 1 WHERE id = $1`, [e1.id])).rejects.toThrow(/ledger/);
      await expect(api.db.query(`DELETE FROM budget_entry WHERE id = $1`, [e1.id])).rejects.toThrow(/ledger/);
      // A negative amount is refused (a correction is a reversal), naming the field.
      const neg = await api.gql(
        PB.record,
        { i: { orgUnitId: p.unitId, headingId: heading, spentOn: today, amount: '-5', voucherNumber: 'X' } },
        p.supervisor.token,
      );
      expect(errorOf(neg)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['amount'] });
    });

    it('warns (and still records) when an entry takes a heading over its plan', async () => {
      const q = await api.newProvince(1);
      const h = await headingsOf(api, q.supervisor.token, q.unitId, year);
      const heading = h['Khảo sát, tuyên truyền'];
      const set = (await api.ok(PB.setPlan, { i: { orgUnitId: q.unitId, year, lines: [{ headingId: heading, amount: '1000000' }] } }, q.supervisor.token))
        .setBudgetPlan;
      expect(set.planned).toBe('1000000');
      const rec = (amount: string) =>
        api.ok(PB.record, { i: { orgUnitId: q.unitId, headingId: heading, spentOn: today, amount, voucherNumber: 'PC-1' } }, q.supervisor.token);
      const under = (await rec('900000')).recordBudgetEntry;
      expect(under.warning).toBeNull();
      expect(under.heading).toMatchObject({ spent: '900000', overPlan: false, spentPercent: '90.00' });
      const over = (await rec('250000')).recordBudgetEntry;
      expect(over.warning).toBe(
        'Khoản chi “Khảo sát, tuyên truyền” đã vượt dự toán năm ' + year + ': đã chi 1.150.000 đ trên dự toán 1.000.000 đ (vượt 150.000 đ)',
      );
      expect(over.heading).toMatchObject({ spent: '1150000', overPlan: true });
      const b = (await api.ok(PB.budget, { u: q.unitId, y: year }, q.supervisor.token)).budget;
      expect(b.entries).toHaveLength(2);
      expect(b).toMatchObject({ planned: '1000000', spent: '1150000', spentPercent: '115.00' });
    });

    it('carries 10^12 đ and beyond exactly, as strings and as JSON numbers up to 2^53 - 1', async () => {
      const q = await api.newProvince(1);
      const h = await headingsOf(api, q.supervisor.token, q.unitId, year);
      const heading = h['Bồi dưỡng cán bộ'];
      await api.ok(PB.setPlan, { i: { orgUnitId: q.unitId, year, lines: [{ headingId: heading, amount: '999999999999999' }] } }, q.supervisor.token);
      const rec = (amount: unknown) =>
        api.ok(PB.record, { i: { orgUnitId: q.unitId, headingId: heading, spentOn: today, amount, voucherNumber: 'UNC-1' } }, q.supervisor.token);
      expect((await rec('1000000000000')).recordBudgetEntry.entry.amount).toBe('1000000000000');
      expect((await rec(1_000_000_000_001)).recordBudgetEntry.entry.amount).toBe('1000000000001');
      const third = (await rec('123456789012345')).recordBudgetEntry;
      expect(third.heading.spent).toBe('125456789012346');
      const [row] = await api.db.query(`SELECT sum(amount)::text AS s FROM budget_entry WHERE heading_id = $1`, [heading]);
      expect(row.s).toBe('125456789012346');
      const b = (await api.ok(PB.budget, { u: q.unitId, y: year }, q.supervisor.token)).budget;
      expect(b.planned).toBe('999999999999999');
      // A fraction is refused as input, naming the field.
      const frac = await api.gql(
        PB.record,
        { i: { orgUnitId: q.unitId, headingId: heading, spentOn: today, amount: '1250000.5', voucherNumber: 'X' } },
        q.supervisor.token,
      );
      expect(errorOf(frac).code).toBe('BAD_USER_INPUT');
      expect(errorOf(frac).fields).toContain('amount');
      const unsafe = await api.gql(
        PB.record,
        { i: { orgUnitId: q.unitId, headingId: heading, spentOn: today, amount: 2 ** 60, voucherNumber: 'X' } },
        q.supervisor.token,
      );
      expect(errorOf(unsafe).code).toBe('BAD_USER_INPUT');
    });

    it('puts the budget into the period report as a sheet, read back', async () => {
      const q = await api.newProvince(1);
      const h = await headingsOf(api, q.supervisor.token, q.unitId, year);
      await api.ok(
        PB.setPlan,
        {
          i: {
            orgUnitId: q.unitId,
            year,
            lines: [
              { headingId: h['Hành chính'], amount: '2000000' },
              { headingId: h['Thuê cộng tác viên'], amount: '5000000' },
            ],
          },
        },
        q.supervisor.token,
      );
      await api.ok(
        PB.record,
        { i: { orgUnitId: q.unitId, headingId: h['Hành chính'], spentOn: today, amount: '1250000', voucherNumber: 'PC-07', note: 'Mực in' } },
        q.supervisor.token,
      );
      const wrong = (
        await api.ok(
          PB.record,
          { i: { orgUnitId: q.unitId, headingId: h['Thuê cộng tác viên'], spentOn: today, amount: '400000', voucherNumber: 'PC-08' } },
          q.supervisor.token,
        )
      ).recordBudgetEntry.entry;
      await api.ok(PB.reverse, { i: { entryId: wrong.id, reason: 'Trùng chứng từ' } }, q.supervisor.token);
      const { requestReport } = await api.ok(
        `mutation($i: ReportInput!) { requestReport(input: $i) { id } }`,
        { i: { orgUnitId: q.unitId, periodKind: 'YEAR', periodStart: `${year}-01-01` } },
        q.supervisor.token,
      );
      expect(await api.app.get(ReportBuilderService).build(requestReport.id)).toEqual({ built: true });
      const [{ xlsx }] = await api.db.query(`SELECT xlsx FROM report WHERE id = $1`, [requestReport.id]);
      const wb = new Workbook();
      await wb.xlsx.load(xlsx);
      const ws = wb.getWorksheet('Kinh phí')!;
      expect((ws.getRow(5).values as unknown[]).slice(1)).toEqual([
        'STT',
        'Khoản chi',
        'Dự toán năm',
        'Đã chi trong kỳ',
        'Đã chi từ đầu năm',
        'Tỉ lệ đã chi so với dự toán (%)',
      ]);
      const rows: unknown[][] = [];
      ws.eachRow((row, n) => {
        if (n > 5) rows.push((row.values as unknown[]).slice(1));
      });
      const byName = (name: string) => rows.find((r) => r[1] === name)!;
      expect(byName('Hành chính').slice(2)).toEqual([2_000_000, 1_250_000, 1_250_000, 62.5]);
      expect(byName('Thuê cộng tác viên').slice(2)).toEqual([5_000_000, 0, 0, 0]);
      expect(byName('Tổng cộng').slice(2)).toEqual([7_000_000, 1_250_000, 1_250_000, 17.86]);
      expect(ws.getRow(6).getCell(3).numFmt).toBe('#,##0 "đ"');
      const at = rows.findIndex((r) => r[1] === 'Các khoản chi trong kỳ');
      const listed = rows.slice(at + 1);
      expect(listed.map((r) => [r[1], r[2], r[4]])).toEqual([
        ['Hành chính', 1_250_000, 'PC-07'],
        ['Thuê cộng tác viên', 400_000, 'PC-08'],
        ['Thuê cộng tác viên', -400_000, 'PC-08'],
      ]);
      expect(String(listed[2][5])).toBe(`Đảo bút toán số ${wrong.id}: Trùng chứng từ`);
    });
  });

  describe('scope', () => {
    it('lets an officer read its own unit only, never write; other provinces answer NOT_FOUND', async () => {
      const off = p.officers[0].token;
      expect((await api.ok(PB.budget, { u: p.unitId, y: year }, off)).budget.headings.length).toBeGreaterThan(0);
      expect(codeOf(await api.gql(PB.budget, { u: p.federationId, y: year }, off))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(PB.budget, { u: other.unitId, y: year }, p.supervisor.token))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(PB.plan, { u: other.unitId, y: year }, p.supervisor.token))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(PB.areas, { u: other.unitId }, p.supervisor.token))).toBe('NOT_FOUND');
      // A unit below its own is the supervisors' to read.
      const child = await api.ok(
        `mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id } }`,
        { i: { name: `CĐCS Phạm vi ${p.tag}`, kind: 'GRASSROOTS', parentId: p.unitId } },
        p.supervisor.token,
      );
      expect(codeOf(await api.gql(PB.budget, { u: child.createOrgUnit.id, y: year }, off))).toBe('FORBIDDEN');
      expect(codeOf(await api.gql(PB.plan, { u: child.createOrgUnit.id, y: year }, off))).toBe('FORBIDDEN');
      expect(codeOf(await api.gql(PB.budget, { u: child.createOrgUnit.id, y: year }, p.supervisor.token))).toBeUndefined();
      const h = await headingsOf(api, off, p.unitId, year);
      const write = await api.gql(
        PB.record,
        { i: { orgUnitId: p.unitId, headingId: h['Hành chính'], spentOn: today, amount: '1000', voucherNumber: 'PC-X' } },
        off,
      );
      expect(codeOf(write)).toBe('FORBIDDEN');
      expect(codeOf(await api.gql(PB.saveArea, { i: { officerId: p.officers[0].id, districts: ['Huyện Hưng Hà'] } }, off))).toBe('FORBIDDEN');
      // A supervisor cannot record into another province's ledger, nor give an area to its officer.
      const hb = await headingsOf(api, other.supervisor.token, other.unitId, year);
      const foreign = await api.gql(
        PB.record,
        { i: { orgUnitId: other.unitId, headingId: hb['Hành chính'], spentOn: today, amount: '1000', voucherNumber: 'PC-X' } },
        p.supervisor.token,
      );
      expect(codeOf(foreign)).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(PB.saveArea, { i: { officerId: other.officers[0].id, districts: ['Huyện Hưng Hà'] } }, p.supervisor.token))).toBe(
        'NOT_FOUND',
      );
      // An entry of another province is not found when reversing; a heading of another unit is refused as input.
      const [x] = await api.db.query(`SELECT count(*)::int AS n FROM budget_entry WHERE org_unit_id = $1`, [other.unitId]);
      expect(x.n).toBe(0);
      const cross = await api.gql(
        PB.record,
        { i: { orgUnitId: p.unitId, headingId: hb['Hành chính'], spentOn: today, amount: '1000', voucherNumber: 'PC-X' } },
        p.supervisor.token,
      );
      expect(errorOf(cross)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['headingId'] });
    });
  });
});
