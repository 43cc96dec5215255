import { ENTERPRISE_IMPORT, RegisterImportApplyService, readTabular } from '@app/core';
import { addDays } from '@app/domain';
import { codeOf, createEnterprise, errorOf, vnToday, walkToStage } from '../support/case-fixtures';
import { G, addStaff, newCdcs } from '../support/grassroots';
import { csvOf, dryRun } from '../support/register-imports';
import { Province, TestApi } from '../support/test-api';

/**
 * The employer's funding type as a dated attribute (docs/architecture.md#the-employers-funding-type): kept with the
 * day it holds from, and admissions at an employer wholly funded by the state budget on the admission day refused.
 */
jest.setTimeout(180_000);

const today = vnToday();

const UPDATE = `mutation($i: UpdateEnterpriseInput!) { updateEnterprise(input: $i) {
  id fundingType fundingTypeFrom fundingTypeHistory { fundingType validFrom source recordedBy { id } } } }`;
const READ = `query($id: ID!) { enterprise(id: $id) { fundingType fundingTypeFrom fundingTypeHistory { fundingType validFrom source } } }`;

describe('grassroots: the funding type of the employer decides whether its staff may join', () => {
  let api: TestApi;
  let p: Province;
  let admin: { id: string; token: string };
  let enterpriseId: string;
  let cdcsId: string;

  const history = async () => (await api.ok(READ, { id: enterpriseId }, admin.token)).enterprise;
  const memberRows = async () =>
    (
      await api.db.query(
        `SELECT (SELECT count(*) FROM member WHERE grassroots_union_id = $1)::int + (SELECT count(*) FROM admission_decision WHERE grassroots_union_id = $1)::int AS n`,
        [cdcsId],
      )
    )[0].n;

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
    admin = await api.newAdmin();
    const ref = await walkToStage(api, p, 'RECOGNIZED');
    enterpriseId = ref.enterpriseId;
    [{ grassroots_union_id: cdcsId }] = await api.db.query(`SELECT grassroots_union_id FROM founding_case WHERE id = $1`, [ref.caseId]);
  });
  afterAll(() => api?.close());

  it('keeps each funding type with the day it holds from, latest first, and who recorded it', async () => {
    const first = await api.ok(
      UPDATE,
      { i: { id: enterpriseId, fundingType: 'STATE_BUDGET_PARTIAL', fundingTypeFrom: addDays(today, -30) } },
      p.supervisor.token,
    );
    expect(first.updateEnterprise).toMatchObject({ fundingType: 'STATE_BUDGET_PARTIAL', fundingTypeFrom: addDays(today, -30) });
    const second = await api.ok(UPDATE, { i: { id: enterpriseId, fundingType: 'STATE_BUDGET_FULL', fundingTypeFrom: addDays(today, -5) } }, p.supervisor.token);
    expect(second.updateEnterprise.fundingType).toBe('STATE_BUDGET_FULL');
    expect(second.updateEnterprise.fundingTypeHistory).toEqual([
      { fundingType: 'STATE_BUDGET_FULL', validFrom: addDays(today, -5), source: 'MANUAL', recordedBy: { id: p.supervisor.id } },
      { fundingType: 'STATE_BUDGET_PARTIAL', validFrom: addDays(today, -30), source: 'MANUAL', recordedBy: { id: p.supervisor.id } },
    ]);
  });

  it('refuses a day without a type, a day after today and a day before the current one, naming the field, and changes nothing', async () => {
    const before = await history();
    const cases: [Record<string, unknown>, string][] = [
      [{ fundingTypeFrom: today }, 'Ngày áp dụng chỉ ghi cùng với loại hình tài chính'],
      [{ fundingType: 'NON_STATE', fundingTypeFrom: addDays(today, 1) }, 'không được sau hôm nay'],
      [{ fundingType: 'NON_STATE', fundingTypeFrom: addDays(today, -6) }, 'không được trước ngày áp dụng loại hình tài chính hiện tại'],
    ];
    for (const [input, words] of cases) {
      const r = await api.gql(UPDATE, { i: { id: enterpriseId, name: 'Tên mới không được ghi', ...input } }, p.supervisor.token);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(errorOf(r).fields).toEqual(['fundingTypeFrom']);
      expect(errorOf(r).messages.fundingTypeFrom).toContain(words);
    }
    expect(await history()).toEqual(before);
    expect((await api.db.query(`SELECT name FROM enterprise WHERE id = $1`, [enterpriseId]))[0].name).not.toBe('Tên mới không được ghi');
  });

  it('refuses an admission on a day the employer is wholly funded by the state budget (Công văn 4173/TLĐ-ToC), admitting nobody', async () => {
    const ids = await addStaff(api, { id: cdcsId, chair: { ...admin, email: '' } }, 2);
    const before = await memberRows();
    const r = await api.gql(
      G.admit,
      { i: { grassrootsUnionId: cdcsId, decisionNumber: '07/QĐ-CĐCS', decidedOn: today, signer: 'Nguyễn Văn Chủ', memberIds: ids } },
      admin.token,
    );
    expect(codeOf(r)).toBe('CONFLICT');
    expect(errorOf(r).reason).toBe('STATE_BUDGET_FUNDED');
    expect(r.errors![0].message).toContain('ngân sách nhà nước bảo đảm toàn bộ');
    expect(r.errors![0].message).toContain('Công văn 4173/TLĐ-ToC ngày 28/05/2025');
    expect(await memberRows()).toBe(before);
    // On a day the employer was still partly self-financed the same people are admitted.
    const ok = await api.ok(
      G.admit,
      { i: { grassrootsUnionId: cdcsId, decisionNumber: '06/QĐ-CĐCS', decidedOn: addDays(today, -6), signer: 'Nguyễn Văn Chủ', memberIds: ids } },
      admin.token,
    );
    expect(ok.admitMembers.memberIds.sort()).toEqual([...ids].sort());
  });

  it('records the employer of a CĐCS no founding case made, whose funding type then decides its admissions too', async () => {
    const SET = `mutation($i: SetGrassrootsEmployerInput!) { setGrassrootsEmployer(input: $i) { id employerId employerName employerFromCase } }`;
    const cdcs = await newCdcs(api, p, 'Trường Mầm non');
    const school = await createEnterprise(api, p, { name: `Trường Mầm non Hoa Sen ${p.tag}`, ownership: 'STATE' });
    await api.ok(UPDATE, { i: { id: school, fundingType: 'STATE_BUDGET_FULL', fundingTypeFrom: addDays(today, -2) } }, p.supervisor.token);
    const ids = await addStaff(api, cdcs, 2);
    const admit = (n: string, day: string, who: string[]) =>
      api.gql(G.admit, { i: { grassrootsUnionId: cdcs.id, decisionNumber: n, decidedOn: day, signer: 'Hiệu trưởng', memberIds: who } }, cdcs.chair.token);

    // No employer known: not checked (as before).
    expect((await admit('01/QĐ', addDays(today, -1), [ids[0]])).errors).toBeUndefined();
    const set = await api.ok(SET, { i: { grassrootsUnionId: cdcs.id, enterpriseId: school } }, p.supervisor.token);
    expect(set.setGrassrootsEmployer).toEqual({ id: cdcs.id, employerId: school, employerName: `Trường Mầm non Hoa Sen ${p.tag}`, employerFromCase: false });
    const refused = await admit('02/QĐ', today, [ids[1]]);
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(errorOf(refused).reason).toBe('STATE_BUDGET_FUNDED');
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM member WHERE grassroots_union_id = $1`, [cdcs.id]);
    expect(n).toBe(1);
    const listed = await api.ok(
      `query($s: String) { grassrootsUnions(search: $s) { nodes { id employerId employerFromCase } } }`,
      { s: 'Mầm non' },
      p.supervisor.token,
    );
    expect(listed.grassrootsUnions.nodes).toContainEqual({ id: cdcs.id, employerId: school, employerFromCase: false });

    // The founded CĐCS keeps its case's enterprise; one employer per CĐCS; out of scope; an officer may not.
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ grassrootsUnionId: cdcsId, enterpriseId: school }, 'BAD_USER_INPUT', 'được thành lập từ hồ sơ của'],
      [{ grassrootsUnionId: (await newCdcs(api, p, 'Trường Tiểu học')).id, enterpriseId: school }, 'BAD_USER_INPUT', 'đã là đơn vị sử dụng lao động của'],
      [{ grassrootsUnionId: cdcs.id, enterpriseId: enterpriseId }, 'BAD_USER_INPUT', 'đã là đơn vị sử dụng lao động của'],
    ];
    for (const [input, code, words] of refusals) {
      const r = await api.gql(SET, { i: input }, p.supervisor.token);
      expect(codeOf(r)).toBe(code);
      expect(errorOf(r).messages.enterpriseId).toContain(words);
    }
    const other = await api.newProvince(1);
    expect(codeOf(await api.gql(SET, { i: { grassrootsUnionId: cdcs.id, enterpriseId: null } }, other.supervisor.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(SET, { i: { grassrootsUnionId: cdcs.id, enterpriseId: null } }, p.officers[0].token))).toBe('FORBIDDEN');
    const [{ enterprise_id }] = await api.db.query(`SELECT enterprise_id FROM grassroots_employer WHERE grassroots_union_id = $1`, [cdcs.id]);
    expect(enterprise_id).toBe(school);
    // Cleared: admissions are no longer checked.
    const cleared = await api.ok(SET, { i: { grassrootsUnionId: cdcs.id, enterpriseId: null } }, admin.token);
    expect(cleared.setGrassrootsEmployer).toMatchObject({ employerId: null, employerFromCase: false });
    expect((await admit('02/QĐ', today, [ids[1]])).errors).toBeUndefined();
  });

  it('exports the funding type with its day, imports the export back unchanged, and records an imported type in the history', async () => {
    const [{ tax_code: taxCode, name }] = await api.db.query(`SELECT tax_code, name FROM enterprise WHERE id = $1`, [enterpriseId]);
    const res = await fetch(`${api.url}/registers/enterprises.xlsx?search=${taxCode}`, { headers: { authorization: `Bearer ${p.supervisor.token}` } });
    expect(res.status).toBe(200);
    const file = Buffer.from(await res.arrayBuffer());
    const read = await readTabular(file, ENTERPRISE_IMPORT);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.rows.map((r) => [r.values.taxCode, r.values.fundingType, r.values.fundingTypeFrom])).toEqual([
      [taxCode, 'STATE_BUDGET_FULL', addDays(today, -5)],
    ]);
    expect(read.rows[0].raw.fundingType).toBe('Ngân sách nhà nước bảo đảm toàn bộ');
    const back = await dryRun(api, p.supervisor.token, file, { orgUnitId: p.unitId });
    expect(back).toMatchObject({ totalRows: 1, toCreate: 0, toUpdate: 0, unchanged: 1, refused: 0 });

    const csv = csvOf([
      ['Tên doanh nghiệp', 'Mã số thuế', 'Số lao động', 'Loại hình tài chính', 'Ngày áp dụng loại hình tài chính'],
      [
        name,
        taxCode,
        (await api.db.query(`SELECT worker_count FROM enterprise WHERE id = $1`, [enterpriseId]))[0].worker_count,
        'Ngoài nhà nước',
        addDays(today, -1).split('-').reverse().join('/'),
      ],
    ]);
    const run = await dryRun(api, p.supervisor.token, csv, { fileName: 'loai-hinh.csv', orgUnitId: p.unitId });
    expect(run).toMatchObject({ toUpdate: 1, refused: 0 });
    await api.ok(`mutation($id: ID!) { confirmRegisterImport(id: $id) { id status } }`, { id: run.id }, p.supervisor.token);
    await api.app.get(RegisterImportApplyService).apply(run.id);
    const after = await history();
    expect(after).toMatchObject({ fundingType: 'NON_STATE', fundingTypeFrom: addDays(today, -1) });
    expect(after.fundingTypeHistory[0]).toEqual({ fundingType: 'NON_STATE', validFrom: addDays(today, -1), source: 'IMPORT' });
    expect(after.fundingTypeHistory).toHaveLength(3);
  });
});
