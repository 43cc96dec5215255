import { Province, TestApi, newTaxCode } from '../support/test-api';
import { codeOf, errorOf, openCase } from '../support/case-fixtures';

// Real HTTP and Postgres: the case list's search and district filter use the register's SQL (vn_fold, tax-code prefix).
jest.setTimeout(60_000);

const LIST = `query($f: CaseFilter) { foundingCases(filter: $f, first: 200) { totalCount nodes { id enterprise { name } } } }`;
const sorted = (xs: string[]) => [...xs].sort();

describe('foundingCases: search and district', () => {
  let api: TestApi;
  let p: Province;
  let other: Province;
  const ids: Record<string, string> = {};
  let taxCode: string;

  const list = async (f: Record<string, unknown>, token = p.supervisor.token): Promise<string[]> =>
    sorted((await api.ok(LIST, { f }, token)).foundingCases.nodes.map((n: { id: string }) => n.id));

  beforeAll(async () => {
    api = await TestApi.start();
    [p, other] = [await api.newProvince(1), await api.newProvince(1)];
    taxCode = newTaxCode();
    ids.duoc1 = (await openCase(api, p, { name: `Công ty Dược ${p.tag} Thái Bình`, district: 'Huyện Đông Hưng', taxCode })).caseId;
    ids.duoc2 = (await openCase(api, p, { name: `CÔNG TY DƯỢC ${p.tag} - Dược phẩm`, district: 'Thành phố Thái Bình' })).caseId;
    ids.may = (await openCase(api, p, { name: `Công ty May ${p.tag}`, district: 'Huyện Đông Hưng' })).caseId;
    // Another unit's case with the same kind of name: never in p's lists.
    ids.elsewhere = (await openCase(api, other, { name: `Công ty Dược ${p.tag} khác đơn vị`, district: 'Huyện Đông Hưng' })).caseId;
  });
  afterAll(() => api.close());

  it('finds the enterprises named with diacritics from a search without them, in either case', async () => {
    expect(await list({ search: `cong ty duoc ${p.tag}` })).toEqual(sorted([ids.duoc1, ids.duoc2]));
    expect(await list({ search: `  Công ty DƯỢC ${p.tag} ` })).toEqual(sorted([ids.duoc1, ids.duoc2]));
    expect(await list({ search: 'thai binh' })).toEqual([ids.duoc1]);
  });

  it('finds an enterprise by the start of its tax code, and combines with the other filters', async () => {
    expect(await list({ search: taxCode.slice(0, 8) })).toEqual([ids.duoc1]);
    expect(await list({ search: taxCode })).toEqual([ids.duoc1]);
    expect(await list({ search: taxCode.slice(2) })).toEqual([]);
    expect(await list({ search: `cong ty duoc ${p.tag}`, stage: 'OUTREACH' })).toEqual([]);
    expect(await list({ search: `cong ty duoc ${p.tag}`, assigneeId: p.officers[0].id })).toEqual(sorted([ids.duoc1, ids.duoc2]));
  });

  it('filters by district, compared folded', async () => {
    expect(await list({ district: 'huyen dong hung' })).toEqual(sorted([ids.duoc1, ids.may]));
    expect(await list({ district: 'Huyện Đông Hưng', search: 'duoc' })).toEqual([ids.duoc1]);
    expect(await list({ district: 'Huyện Vũ Thư' })).toEqual([]);
    // Part of the name will do, as typed on the board ("Thái Bình" for "Thành phố Thái Bình"); % is taken literally.
    expect(await list({ district: 'thai binh' })).toEqual([ids.duoc2]);
    expect(await list({ district: 'dong' })).toEqual(sorted([ids.duoc1, ids.may]));
    expect(await list({ district: '%' })).toEqual([]);
    // Empty text is no filter.
    expect(await list({ district: '', search: ' ' })).toEqual(sorted([ids.duoc1, ids.duoc2, ids.may]));
  });

  it("never shows another unit's cases, whoever searches", async () => {
    const q = { search: `cong ty duoc ${p.tag}` };
    expect(await list(q, p.officers[0].token)).toEqual(sorted([ids.duoc1, ids.duoc2]));
    expect(await list(q, other.supervisor.token)).toEqual([ids.elsewhere]);
    expect(await list({ district: 'huyen dong hung' }, other.officers[0].token)).toEqual([ids.elsewhere]);
    const admin = await api.newAdmin();
    expect(await list(q, admin.token)).toEqual(sorted([ids.duoc1, ids.duoc2, ids.elsewhere]));
  });

  it('refuses an over-long search or district as BAD_USER_INPUT naming the field, in Vietnamese', async () => {
    const r = await api.gql(LIST, { f: { search: 'x'.repeat(201), district: 'y'.repeat(121) } }, p.supervisor.token);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    const e = errorOf(r);
    expect(sorted(e.fields)).toEqual(['district', 'search']);
    expect(e.messages.search).toBe('Từ khóa tìm kiếm không được dài quá 200 ký tự');
    expect(e.messages.district).toBe('Huyện/Xã không được dài quá 120 ký tự');
    // Characters that mean something to LIKE are taken literally.
    expect(await list({ search: '%' })).toEqual([]);
  });
});
