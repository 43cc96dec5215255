// The `pg` module TypeORM loads is the one jest gives this file: patching Client.prototype.query
// counts every statement the API sends (as test/cases/query-count does).
import { Client } from 'pg';
import { FiguresService } from '@app/core';
import { ENTERPRISE_IMPORT, EnterpriseImportRow, readTabular } from '@app/core/imports';
import { foldText } from '@app/domain';
import { M as CASE, addDays, codeOf, errorOf, openCase, pipelineOf, steps, vnToday } from '../support/case-fixtures';
import { Province, TestApi, TestUser, newTaxCode } from '../support/test-api';

/**
 * The enterprise register (issue #16): reading one enterprise, editing every field (the worker count with
 * the day it was counted, kept as history), closing and reopening (coverage, founding cases), the
 * register's filters and sorts with keyset paging, search without diacritics, and the XLSX export that
 * imports back. Every refusal is shown to change nothing.
 */

jest.setTimeout(180_000);

const sent: string[] = [];
let counting = false;
const originalQuery = Client.prototype.query;
(Client.prototype as any).query = function patchedQuery(this: Client, ...args: any[]) {
  if (counting) sent.push(typeof args[0] === 'string' ? args[0] : (args[0]?.text ?? String(args[0])));
  return (originalQuery as any).apply(this, args);
};

const HISTORY = 'workerCountHistory { workerCount countedOn source note recordedBy { id } recordedAt }';
const FIELDS = `id name taxCode address district sector ownership workerCount surveyedOn hasUnion closedOn closedNote updatedAt orgUnit { id } ${HISTORY}`;
const G = {
  create: `mutation($i: CreateEnterpriseInput!) { createEnterprise(input: $i) { ${FIELDS} } }`,
  get: `query($id: ID!) { enterprise(id: $id) { ${FIELDS} cases { id stage } openCase { id } } }`,
  update: `mutation($i: UpdateEnterpriseInput!) { updateEnterprise(input: $i) { ${FIELDS} } }`,
  close: `mutation($i: CloseEnterpriseInput!) { closeEnterprise(input: $i) { ${FIELDS} } }`,
  reopen: `mutation($id: ID!) { reopenEnterprise(id: $id) { ${FIELDS} } }`,
  list: `query($f: EnterpriseFilter, $first: Int, $after: String) { enterprises(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage } nodes { id name taxCode workerCount address district sector ownership hasUnion surveyedOn fundingType fundingTypeFrom closedOn } } }`,
};

/** The same code with a wrong check digit. */
function wrongCheckDigit(code: string): string {
  return `${code.slice(0, 9)}${(Number(code[9]) + 1) % 10}`;
}

let seq = 0;

describe('enterprise register', () => {
  let api: TestApi;
  let admin: TestUser;
  let a: Province;
  let b: Province;
  const today = vnToday();

  async function create(p: Province, extra: Record<string, unknown> = {}, token = p.supervisor.token) {
    seq += 1;
    const d = await api.ok(
      G.create,
      {
        i: {
          name: `Công ty TNHH Sổ ${p.tag} ${seq}`,
          taxCode: newTaxCode(),
          district: 'Thành phố Thái Bình',
          sector: 'Dệt may',
          ownership: 'PRIVATE',
          address: `Số ${seq} phố Lê Lợi`,
          workerCount: 60,
          hasUnion: false,
          orgUnitId: p.unitId,
          ...extra,
        },
      },
      token,
    );
    return d.createEnterprise;
  }

  /** The row and its history, straight from Postgres: what a refusal must leave as it was. */
  async function state(id: string) {
    const [e] = await api.db.query(`SELECT e::text AS row FROM enterprise e WHERE e.id = $1`, [id]);
    const h = await api.db.query(`SELECT h::text AS row FROM enterprise_worker_count h WHERE h.enterprise_id = $1 ORDER BY h.id`, [id]);
    const [t] = await api.db.query(`SELECT t::text AS row FROM enterprise_tally t JOIN enterprise e ON e.org_unit_id = t.org_unit_id WHERE e.id = $1`, [id]);
    return { enterprise: e?.row, history: h.map((r: { row: string }) => r.row), tally: t?.row ?? null };
  }

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.newAdmin();
    a = await api.newProvince(2);
    b = await api.newProvince(1);
  });
  afterAll(async () => {
    (Client.prototype as any).query = originalQuery;
    await api.close();
  });

  describe('reading and creating', () => {
    it('creates an enterprise with its first worker count (MANUAL, today or the day given), validating the tax code', async () => {
      const e = await create(a);
      expect(e.workerCountHistory).toEqual([
        { workerCount: 60, countedOn: today, source: 'MANUAL', note: null, recordedBy: { id: a.supervisor.id }, recordedAt: expect.any(String) },
      ]);
      expect(e).toMatchObject({ closedOn: null, surveyedOn: null, updatedAt: expect.any(String) });
      const counted = await create(a, { workerCount: 33, workerCountOn: addDays(today, -40) });
      expect(counted.surveyedOn).toBe(addDays(today, -40));
      expect(counted.workerCountHistory.map((h: { countedOn: string }) => h.countedOn)).toEqual([addDays(today, -40)]);
      // A tax code written with spaces and a branch suffix is normalised.
      const head = newTaxCode();
      const branch = await create(a, { taxCode: ` ${head} - 002 ` });
      expect(branch.taxCode).toBe(`${head}-002`);

      const bad = wrongCheckDigit(newTaxCode());
      const r = await api.gql(
        G.create,
        { i: { name: 'Công ty Sai Mã', taxCode: bad, workerCount: 30, hasUnion: false, orgUnitId: a.unitId } },
        a.supervisor.token,
      );
      expect(errorOf(r)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['taxCode'] });
      expect(r.errors![0].message).toContain('sai chữ số kiểm tra');
      const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM enterprise WHERE tax_code = $1`, [bad]);
      expect(n).toBe(0);
      // A duplicate is a CONFLICT on taxCode, also when typed differently.
      const dup = await api.gql(
        G.create,
        { i: { name: 'Công ty Trùng', taxCode: ` ${e.taxCode} `, workerCount: 30, hasUnion: false, orgUnitId: a.unitId } },
        a.supervisor.token,
      );
      expect(errorOf(dup)).toMatchObject({ code: 'CONFLICT', fields: ['taxCode'] });
      expect(dup.errors![0].message).toContain('Mã số thuế');
    });

    it('reads one enterprise within scope (officer: its unit; supervisor: its subtree; admin: all), else NOT_FOUND', async () => {
      const mine = await create(a);
      const [fed] = await api.db.query(`SELECT id FROM org_unit WHERE id = $1`, [a.federationId]);
      const atFederation = await create(a, { orgUnitId: fed.id }, a.federationSupervisor.token);
      const theirs = await create(b);
      const see = async (id: string, token: string) => codeOf(await api.gql(G.get, { id }, token)) ?? 'OK';
      expect(await see(mine.id, a.officers[0].token)).toBe('OK');
      expect(await see(mine.id, a.supervisor.token)).toBe('OK');
      expect(await see(mine.id, a.federationSupervisor.token)).toBe('OK');
      expect(await see(mine.id, admin.token)).toBe('OK');
      // Officer vs another unit (its federation's register), supervisor vs another subtree.
      expect(await see(atFederation.id, a.officers[0].token)).toBe('NOT_FOUND');
      expect(await see(atFederation.id, a.supervisor.token)).toBe('NOT_FOUND');
      expect(await see(theirs.id, a.officers[0].token)).toBe('NOT_FOUND');
      expect(await see(theirs.id, a.supervisor.token)).toBe('NOT_FOUND');
      expect(await see(theirs.id, a.federationSupervisor.token)).toBe('NOT_FOUND');
      expect(await see('00000000-0000-0000-0000-000000000000', admin.token)).toBe('NOT_FOUND');
      expect(await see('not-an-id', admin.token)).toBe('NOT_FOUND');
      const r = await api.gql(G.get, { id: theirs.id }, a.supervisor.token);
      expect(r.errors![0].message).toBe('Không tìm thấy doanh nghiệp');
    });
  });

  describe('updateEnterprise', () => {
    it('changes every field, records a new worker count with its day and source, and leaves fields not given alone', async () => {
      const e = await create(a);
      const taxCode = newTaxCode();
      const d = await api.ok(
        G.update,
        {
          i: {
            id: e.id,
            name: '  Công ty CP Dệt Kim Đông Phương  ',
            taxCode,
            address: 'Lô 5, KCN Tiền Hải',
            district: 'Huyện Tiền Hải',
            sector: 'Dệt kim',
            ownership: 'FOREIGN_INVESTED',
            hasUnion: true,
            workerCount: 140,
            workerCountOn: addDays(today, -3),
          },
        },
        a.officers[0].token,
      );
      const u = d.updateEnterprise;
      expect(u).toMatchObject({
        name: 'Công ty CP Dệt Kim Đông Phương',
        taxCode,
        address: 'Lô 5, KCN Tiền Hải',
        district: 'Huyện Tiền Hải',
        sector: 'Dệt kim',
        ownership: 'FOREIGN_INVESTED',
        hasUnion: true,
        workerCount: 140,
        surveyedOn: addDays(today, -3),
      });
      expect(new Date(u.updatedAt).getTime()).toBeGreaterThan(new Date(e.updatedAt).getTime());
      expect(u.workerCountHistory.map((h: any) => [h.workerCount, h.countedOn, h.source, h.recordedBy?.id])).toEqual([
        [140, addDays(today, -3), 'MANUAL', a.officers[0].id],
        [60, today, 'MANUAL', a.supervisor.id],
      ]);

      // Only the address: the rest stays; no count, no history row.
      const only = (await api.ok(G.update, { i: { id: e.id, address: 'Lô 6, KCN Tiền Hải' } }, a.supervisor.token)).updateEnterprise;
      expect(only).toMatchObject({ ...u, address: 'Lô 6, KCN Tiền Hải', updatedAt: expect.any(String), workerCountHistory: expect.any(Array) });
      expect(only.workerCountHistory).toHaveLength(2);
      // null clears an optional field; the same count without a day changes nothing in the history.
      const cleared = (await api.ok(G.update, { i: { id: e.id, sector: null, ownership: null, workerCount: 140 } }, a.supervisor.token)).updateEnterprise;
      expect(cleared).toMatchObject({ sector: null, ownership: null, workerCount: 140 });
      expect(cleared.workerCountHistory).toHaveLength(2);
      // The same count counted again on another day is a new entry (and the register's counting day).
      const again = (await api.ok(G.update, { i: { id: e.id, workerCount: 140, workerCountOn: today } }, a.supervisor.token)).updateEnterprise;
      expect(again.surveyedOn).toBe(today);
      expect(again.workerCountHistory.map((h: any) => [h.workerCount, h.countedOn])).toEqual([
        [140, today],
        [140, addDays(today, -3)],
        [60, today],
      ]);
      // Nothing given that changes: the row is not written.
      const before = await state(e.id);
      await api.ok(G.update, { i: { id: e.id, name: 'Công ty CP Dệt Kim Đông Phương', hasUnion: true } }, a.supervisor.token);
      expect(await state(e.id)).toEqual(before);
    });

    it('refuses bad input naming every bad field at once, in Vietnamese, and changes nothing', async () => {
      const e = await create(a);
      const before = await state(e.id);
      const refuse = async (input: Record<string, unknown>): Promise<Record<string, any>> => {
        const r = await api.gql(G.update, { i: { id: e.id, ...input } }, a.supervisor.token);
        expect(await state(e.id)).toEqual(before);
        return { ...errorOf(r), message: r.errors![0].message };
      };
      const check = await refuse({ taxCode: wrongCheckDigit(newTaxCode()) });
      expect(check).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['taxCode'] });
      expect(check.messages.taxCode).toMatch(/^Mã số thuế \d{10} sai chữ số kiểm tra$/);
      const negative = await refuse({ workerCount: -1 });
      expect(negative).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['workerCount'], messages: { workerCount: 'Số lao động phải từ 0 trở lên' } });
      const future = await refuse({ workerCount: 70, workerCountOn: addDays(today, 1) });
      expect(future.fields).toEqual(['workerCountOn']);
      expect(future.messages.workerCountOn).toMatch(/^Ngày đếm lao động không được sau hôm nay/);
      const all = await refuse({
        name: '   ',
        taxCode: '12345',
        workerCount: -5,
        workerCountOn: addDays(today, 2),
        address: 'x'.repeat(501),
        district: 'Đ'.repeat(121),
        sector: 's'.repeat(121),
      });
      expect(all.code).toBe('BAD_USER_INPUT');
      expect([...all.fields].sort()).toEqual(['address', 'district', 'name', 'sector', 'taxCode', 'workerCount', 'workerCountOn']);
      expect(all.messages).toMatchObject({
        name: 'Tên doanh nghiệp không được để trống',
        workerCount: 'Số lao động phải từ 0 trở lên',
        address: 'Địa chỉ không được dài quá 500 ký tự',
      });
      expect(all.messages.taxCode).toContain('Mã số thuế phải gồm 10 chữ số');
      expect(all.message).toMatch(/^Dữ liệu không hợp lệ: /);
      const dayAlone = await refuse({ workerCountOn: today });
      expect(dayAlone).toMatchObject({ fields: ['workerCountOn'], messages: { workerCountOn: 'Ngày đếm lao động chỉ ghi cùng với số lao động' } });
      // A tax code another enterprise has: CONFLICT on taxCode (the other is not named).
      const other = await create(b);
      const dup = await refuse({ taxCode: other.taxCode, address: 'Địa chỉ mới' });
      expect(dup).toMatchObject({ code: 'CONFLICT', fields: ['taxCode'] });
      expect(dup.message).not.toContain(other.name);
    });

    it('refuses an enterprise outside the scope as NOT_FOUND (officer: another unit; supervisor: another subtree), changing nothing', async () => {
      const [fed] = await api.db.query(`SELECT id FROM org_unit WHERE id = $1`, [a.federationId]);
      const atFederation = await create(a, { orgUnitId: fed.id }, a.federationSupervisor.token);
      const theirs = await create(b);
      for (const [e, token] of [
        [atFederation, a.officers[0].token],
        [theirs, a.officers[0].token],
        [theirs, a.supervisor.token],
        [atFederation, a.supervisor.token],
      ] as const) {
        const before = await state(e.id);
        const r = await api.gql(G.update, { i: { id: e.id, workerCount: 999, address: 'Chiếm quyền' } }, token);
        expect(codeOf(r)).toBe('NOT_FOUND');
        expect(await state(e.id)).toEqual(before);
      }
    });

    it('keeps both of two concurrent edits of different fields (worker count and address)', async () => {
      for (let round = 0; round < 5; round++) {
        const e = await create(a);
        const [w, ad] = await Promise.all([
          api.gql(G.update, { i: { id: e.id, workerCount: 200 + round } }, a.officers[0].token),
          api.gql(G.update, { i: { id: e.id, address: `Số ${round} đường Trần Hưng Đạo` } }, a.supervisor.token),
        ]);
        expect(w.errors).toBeUndefined();
        expect(ad.errors).toBeUndefined();
        const [row] = await api.db.query(`SELECT worker_count, address FROM enterprise WHERE id = $1`, [e.id]);
        expect(row).toEqual({ worker_count: 200 + round, address: `Số ${round} đường Trần Hưng Đạo` });
        const h = await api.db.query(`SELECT worker_count FROM enterprise_worker_count WHERE enterprise_id = $1 ORDER BY id DESC`, [e.id]);
        expect(h.map((x: { worker_count: number }) => x.worker_count)).toEqual([200 + round, 60]);
      }
    });

    it('routes the worker count a case survey records through the history (source SURVEY)', async () => {
      const ref = await openCase(api, a, { workerCount: 120 });
      await steps.survey(api, a.officers[0].token, ref, { workerCount: 150, surveyedOn: addDays(today, -1), note: 'Đếm tại xưởng' });
      const e = (await api.ok(G.get, { id: ref.enterpriseId }, a.supervisor.token)).enterprise;
      expect(e).toMatchObject({ workerCount: 150, surveyedOn: addDays(today, -1) });
      expect(e.workerCountHistory.map((h: any) => [h.workerCount, h.countedOn, h.source, h.note, h.recordedBy?.id])).toEqual([
        [150, addDays(today, -1), 'SURVEY', 'Đếm tại xưởng', a.officers[0].id],
        [120, today, 'MANUAL', null, a.supervisor.id],
      ]);
      expect(e.cases).toEqual([{ id: ref.caseId, stage: 'SURVEY' }]);
    });
  });

  describe('closing and reopening', () => {
    it('closes an enterprise on a day up to today, refuses a future day, an open case, and opening cases while closed; reopens it', async () => {
      const ref = await openCase(api, a, { workerCount: 80 });
      const id = ref.enterpriseId;
      const before = await state(id);
      const future = await api.gql(G.close, { i: { id, closedOn: addDays(today, 1), note: 'Giải thể' } }, a.supervisor.token);
      expect(errorOf(future)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['closedOn'] });
      expect(errorOf(future).messages.closedOn).toMatch(/^Ngày ngừng hoạt động không được sau hôm nay/);
      expect(await state(id)).toEqual(before);
      const withCase = await api.gql(G.close, { i: { id, closedOn: today } }, a.supervisor.token);
      expect(errorOf(withCase)).toMatchObject({ code: 'CONFLICT', openCaseId: ref.caseId });
      expect(withCase.errors![0].message).toContain('“Doanh nghiệp giải thể”');
      expect(await state(id)).toEqual(before);
      // Officers may not close (FORBIDDEN), nor may a supervisor of another subtree (NOT_FOUND).
      expect(codeOf(await api.gql(G.close, { i: { id, closedOn: today } }, a.officers[0].token))).toBe('FORBIDDEN');
      expect(codeOf(await api.gql(G.close, { i: { id, closedOn: today } }, b.supervisor.token))).toBe('NOT_FOUND');
      expect(await state(id)).toEqual(before);

      // Close the case as the message says, then the enterprise.
      await api.ok(
        CASE.close,
        { i: { caseId: ref.caseId, expectedVersion: ref.version, reason: 'ENTERPRISE_DISSOLVED', comment: 'Doanh nghiệp giải thể' } },
        a.supervisor.token,
      );
      const closed = (await api.ok(G.close, { i: { id, closedOn: addDays(today, -2), note: 'Quyết định giải thể số 12' } }, a.supervisor.token))
        .closeEnterprise;
      expect(closed).toMatchObject({ closedOn: addDays(today, -2), closedNote: 'Quyết định giải thể số 12' });
      const again = await api.gql(G.close, { i: { id, closedOn: today } }, a.supervisor.token);
      expect(codeOf(again)).toBe('CONFLICT');

      // No case on a closed enterprise: neither a new one nor the old one reopened.
      const cases = async () => await api.db.query(`SELECT id, stage, version FROM founding_case WHERE enterprise_id = $1 ORDER BY id`, [id]);
      const casesBefore = await cases();
      const open = await api.gql(CASE.open, { i: { enterpriseId: id, assigneeId: a.officers[0].id } }, a.supervisor.token);
      expect(errorOf(open)).toMatchObject({ code: 'CONFLICT', fields: ['enterpriseId'] });
      expect(open.errors![0].message).toContain('ngừng hoạt động');
      const reopenCase = await api.gql(CASE.reopen, { i: { caseId: ref.caseId, expectedVersion: ref.version + 1, comment: 'Mở lại' } }, a.supervisor.token);
      expect(codeOf(reopenCase)).toBe('CONFLICT');
      expect(await cases()).toEqual(casesBefore);

      // Hidden from the register unless asked for; enterprise(id) still shows it, with its cases.
      const listed = async (f: Record<string, unknown>) =>
        (await api.ok(G.list, { f: { orgUnitId: a.unitId, ...f }, first: 200 }, a.supervisor.token)).enterprises.nodes.map((n: { id: string }) => n.id);
      expect(await listed({})).not.toContain(id);
      expect(await listed({ includeClosed: true })).toContain(id);
      const seen = (await api.ok(G.get, { id }, a.supervisor.token)).enterprise;
      expect(seen).toMatchObject({ closedOn: addDays(today, -2), openCase: null, cases: [{ id: ref.caseId, stage: 'CLOSED' }] });

      const reopened = (await api.ok(G.reopen, { id }, a.supervisor.token)).reopenEnterprise;
      expect(reopened).toMatchObject({ closedOn: null, closedNote: null });
      expect(codeOf(await api.gql(G.reopen, { id }, a.supervisor.token))).toBe('CONFLICT');
      expect(await listed({})).toContain(id);
      const opened = await api.ok(CASE.open, { i: { enterpriseId: id, assigneeId: a.officers[0].id } }, a.supervisor.token);
      const all = (await api.ok(G.get, { id }, a.supervisor.token)).enterprise.cases;
      expect(all.map((c: { id: string }) => c.id)).toEqual([opened.openFoundingCase.id, ref.caseId]); // newest first
    });

    it('takes a closed enterprise with ≥ 25 workers out of coverage from its closing day; reopening brings it back', async () => {
      const c = await api.newProvince(1);
      const year = Number(today.slice(0, 4));
      const figures = api.app.get(FiguresService);
      const [unit] = await api.db.query(`SELECT id, path FROM org_unit WHERE id = $1`, [c.unitId]);
      await create(c, { workerCount: 30 });
      await create(c, { workerCount: 25, hasUnion: true });
      await create(c, { workerCount: 24, hasUnion: true });
      const big = await create(c, { workerCount: 300, hasUnion: true });
      const tally = async () =>
        (await api.db.query(`SELECT focus, focus_with_union AS "withUnion" FROM enterprise_tally WHERE org_unit_id = $1`, [c.unitId]))[0];
      const coverage = async () => (await pipelineOf(api, c.supervisor.token, c.unitId, year)).coverage;
      expect(await tally()).toEqual({ focus: 3, withUnion: 2 });
      expect(await coverage()).toMatchObject({ enterprises25Plus: 3, withUnion: 2 });

      const closedOn = addDays(today, -10);
      await api.ok(G.close, { i: { id: big.id, closedOn } }, c.supervisor.token);
      expect(await tally()).toEqual({ focus: 2, withUnion: 1 });
      expect(await coverage()).toMatchObject({ enterprises25Plus: 2, withUnion: 1 });
      // A day before the closing still counts it; the closing day and later do not.
      expect(await figures.coverageCounts(api.db, unit, addDays(closedOn, -1))).toEqual({ total: 3, withUnion: 2 });
      expect(await figures.coverageCounts(api.db, unit, closedOn)).toEqual({ total: 2, withUnion: 1 });

      await api.ok(G.reopen, { id: big.id }, c.supervisor.token);
      expect(await tally()).toEqual({ focus: 3, withUnion: 2 });
      expect(await coverage()).toMatchObject({ enterprises25Plus: 3, withUnion: 2 });
    });
  });

  describe('the register list', () => {
    let d: Province;
    interface Row {
      id: string;
      name: string;
      tax_code: string;
      worker_count: number;
      updated_at: string;
      district: string | null;
      sector: string | null;
      ownership: string | null;
      has_union: boolean;
      closed: boolean;
      open_case: boolean;
      any_case: boolean;
    }
    // Names in Vietnamese order, whatever the database's collation (docs/architecture.md#vietnamese-name-order).
    const SORTS = {
      NAME: 'e.name COLLATE "vietnamese", e.id',
      TAX_CODE: 'e.tax_code, e.id',
      WORKERS_DESC: 'e.worker_count DESC, e.name COLLATE "vietnamese", e.id',
      UPDATED_DESC: 'e.updated_at DESC, e.id DESC',
    } as const;
    let ordered: Record<keyof typeof SORTS, Row[]>;

    beforeAll(async () => {
      d = await api.newProvince(1);
      const districts = ['Thành phố Thái Bình', 'Huyện Vũ Thư', 'Huyện Đông Hưng'];
      const sectors = ['Dệt may', 'Dược phẩm', 'Cơ khí'];
      const owners = ['PRIVATE', 'STATE', 'FOREIGN_INVESTED', null];
      const counts = [30, 30, 12, 250, 25, 24, 30, 80, 5, 1200, 30, 60];
      const names = [
        'Công ty Dược phẩm Hưng Thịnh',
        'Công ty Cổ phần May Sông Hồng',
        'Công ty TNHH Cơ khí Đông Á',
        'Xí nghiệp Dược Thái Bình',
        'Hợp tác xã Dệt Nam Cao',
      ];
      const ids: string[] = [];
      for (let i = 0; i < 23; i++) {
        const e = await create(d, {
          // Names repeat (i and i + 10: ties broken by id); a few differ from others in case and diacritics only.
          name: i < 20 ? `${names[i % names.length]} ${d.tag}${i % 2 ? ' A' : ''}` : `CÔNG TY DƯỢC ${d.tag} ${i}`,
          district: districts[i % 3],
          sector: sectors[(i * 2) % 3],
          ownership: owners[i % 4],
          workerCount: counts[i % counts.length],
          hasUnion: i % 3 === 1,
        });
        ids.push(e.id);
      }
      // Equal update times (a batch import writes them so) and equal worker counts: keyset ties.
      await api.db.query(`UPDATE enterprise SET updated_at = '2025-03-01T02:03:04.123456Z' WHERE id = ANY($1)`, [ids.slice(3, 9)]);
      // Cases: open ones, closed ones (a past case), none.
      for (const i of [0, 4, 8]) await api.ok(CASE.open, { i: { enterpriseId: ids[i], assigneeId: d.officers[0].id } }, d.supervisor.token);
      for (const i of [1, 5]) {
        const o = await api.ok(CASE.open, { i: { enterpriseId: ids[i], assigneeId: d.officers[0].id } }, d.supervisor.token);
        await api.ok(
          CASE.close,
          { i: { caseId: o.openFoundingCase.id, expectedVersion: o.openFoundingCase.version, reason: 'WORKERS_DECLINED', comment: 'Chưa đồng ý' } },
          d.supervisor.token,
        );
      }
      for (const i of [2, 9, 16]) await api.ok(G.close, { i: { id: ids[i], closedOn: today } }, d.supervisor.token);
      ordered = {} as typeof ordered;
      for (const [sort, order] of Object.entries(SORTS)) {
        ordered[sort as keyof typeof SORTS] = await api.db.query(
          `SELECT e.id, e.name, e.tax_code, e.worker_count, e.updated_at::text, e.district, e.sector, e.ownership, e.has_union, e.closed_on IS NOT NULL AS closed,
                  EXISTS (SELECT 1 FROM founding_case c WHERE c.enterprise_id = e.id AND c.stage NOT IN ('RECOGNIZED', 'CLOSED')) AS open_case,
                  EXISTS (SELECT 1 FROM founding_case c WHERE c.enterprise_id = e.id) AS any_case
             FROM enterprise e WHERE e.org_unit_id = $1 ORDER BY ${order}`,
          [d.unitId],
        );
      }
    });

    /** Walks every page of a filter and sort, `first` at a time, checking totalCount on each page. */
    async function walk(filter: Record<string, unknown>, first: number, token = d.supervisor.token) {
      const seen: string[] = [];
      const totals = new Set<number>();
      let after: string | null = null;
      for (let page = 0; page < 100; page++) {
        const r: { enterprises: any } = await api.ok(G.list, { f: filter, first, after }, token);
        totals.add(r.enterprises.totalCount);
        seen.push(...r.enterprises.nodes.map((n: { id: string }) => n.id));
        if (!r.enterprises.pageInfo.hasNextPage) return { seen, totals: [...totals] };
        after = r.enterprises.pageInfo.endCursor;
      }
      throw new Error('too many pages');
    }

    const FILTERS: [string, Record<string, unknown>, (r: Row) => boolean][] = [
      ['no filter', {}, (r) => !r.closed],
      ['district', { district: 'Huyện Vũ Thư' }, (r) => !r.closed && r.district === 'Huyện Vũ Thư'],
      ['district without diacritics', { district: 'huyen dong hung' }, (r) => !r.closed && foldText(r.district ?? '') === 'huyen dong hung'],
      ['sector', { sector: 'Dược phẩm' }, (r) => !r.closed && r.sector === 'Dược phẩm'],
      ['ownership', { ownership: 'STATE' }, (r) => !r.closed && r.ownership === 'STATE'],
      ['minWorkers', { minWorkers: 25 }, (r) => !r.closed && r.worker_count >= 25],
      ['hasUnion', { hasUnion: true }, (r) => !r.closed && r.has_union],
      ['open case', { caseStatus: 'OPEN_CASE' }, (r) => !r.closed && r.open_case],
      ['no case yet', { caseStatus: 'NO_CASE' }, (r) => !r.closed && !r.any_case],
      ['no open case', { caseStatus: 'NO_OPEN_CASE' }, (r) => !r.closed && !r.open_case],
      ['closed included', { includeClosed: true }, () => true],
      ['search', { search: 'cong ty duoc' }, (r) => !r.closed && foldText(r.name).includes('cong ty duoc')],
      [
        'several',
        { district: 'Thành phố Thái Bình', minWorkers: 25, includeClosed: true, hasUnion: false },
        (r) => r.district === 'Thành phố Thái Bình' && r.worker_count >= 25 && !r.has_union,
      ],
    ];

    it.each(FILTERS.flatMap(([label, filter, want]) => (Object.keys(SORTS) as (keyof typeof SORTS)[]).map((sort) => [label, sort, filter, want] as const)))(
      'pages through %s sorted by %s: every row once, in order, totalCount right',
      async (_label, sort, filter, want) => {
        const expected = ordered[sort].filter(want).map((r) => r.id);
        expect(expected.length).toBeGreaterThan(0);
        const { seen, totals } = await walk({ ...filter, sort }, 4);
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen).toEqual(expected);
        expect(totals).toEqual([expected.length]);
      },
    );

    it('has ties in the sort keys (the keyset breaks them by id)', () => {
      const counts = ordered.WORKERS_DESC.map((r) => r.worker_count);
      expect(new Set(counts).size).toBeLessThan(counts.length);
      const times = ordered.UPDATED_DESC.map((r) => r.updated_at);
      expect(new Set(times).size).toBeLessThan(times.length);
      const names = ordered.NAME.map((r) => r.name);
      expect(new Set(names).size).toBeLessThan(names.length);
    });

    it('finds names without diacritics ("cong ty duoc" finds "Công ty Dược…"), in any case, and tax codes by their start', async () => {
      const ids = async (search: string) => (await walk({ search, orgUnitId: d.unitId, includeClosed: true }, 50, admin.token)).seen;
      const duoc = ordered.NAME.filter((r) => /^(Công ty Dược|CÔNG TY DƯỢC)/.test(r.name)).map((r) => r.id);
      expect(duoc.length).toBeGreaterThanOrEqual(5);
      expect(new Set(await ids('cong ty duoc'))).toEqual(new Set(duoc));
      expect(new Set(await ids('CÔNG TY DƯỢC'))).toEqual(new Set(duoc));
      expect(await ids('dong a')).toEqual(ordered.NAME.filter((r) => r.name.includes('Đông Á')).map((r) => r.id));
      const one = ordered.NAME[3];
      expect(await ids(one.tax_code.slice(0, 8))).toContain(one.id);
      expect(await ids(one.tax_code)).toEqual([one.id]);
      expect(await ids('không có doanh nghiệp này')).toEqual([]);
      expect(await ids('100%_')).toEqual([]);
    });

    it('keeps the officer to its unit and refuses bad filters and cursors naming each field', async () => {
      const officerSees = (await walk({ includeClosed: true }, 50, d.officers[0].token)).seen;
      expect(new Set(officerSees)).toEqual(new Set(ordered.NAME.map((r) => r.id)));
      const out = await api.gql(G.list, { f: { orgUnitId: b.unitId } }, d.supervisor.token);
      expect(codeOf(out)).toBe('NOT_FOUND');
      const bad = await api.gql(G.list, { f: { minWorkers: -1, search: 'x'.repeat(201) }, first: 500, after: 'garbage' }, d.supervisor.token);
      expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect([...errorOf(bad).fields].sort()).toEqual(['after', 'first', 'minWorkers', 'search']);
      // A cursor of another sort is not a cursor of this one.
      const page = await api.ok(G.list, { f: { sort: 'NAME' }, first: 2 }, d.supervisor.token);
      const other = await api.gql(G.list, { f: { sort: 'WORKERS_DESC' }, first: 2, after: page.enterprises.pageInfo.endCursor }, d.supervisor.token);
      expect(errorOf(other).fields).toEqual(['after']);
    });

    it('loads a page of 50 with its nested fields in a constant number of statements (no N+1)', async () => {
      const q = `query($first: Int) { enterprises(filter: { orgUnitId: "${d.unitId}", includeClosed: true }, first: $first) { nodes {
        id orgUnit { id name } openCase { id stage assignee { id } } cases { id stage } workerCountHistory { workerCount recordedBy { id fullName } } } } }`;
      const measure = async (first: number) => {
        sent.length = 0;
        counting = true;
        try {
          const r = await api.ok(q, { first }, admin.token);
          return { n: r.enterprises.nodes.length, statements: sent.length };
        } finally {
          counting = false;
        }
      };
      // More enterprises for a full page of 50.
      for (let i = 0; i < 30; i++) await create(d, { workerCount: 40 + i });
      const small = await measure(3);
      const big = await measure(50);
      expect(small.n).toBe(3);
      expect(big.n).toBe(50);
      // A statement per list query and per loader batch (the page may hold more kinds of rows than the first 3: a few more
      // batches at most), never one per enterprise.
      expect(big.statements).toBeLessThanOrEqual(small.statements + 3);
      expect(big.statements).toBeLessThan(16);
    });
  });

  describe('export', () => {
    let e: Province;

    beforeAll(async () => {
      e = await api.newProvince(1);
      for (let i = 0; i < 12; i++) {
        await create(e, {
          name: `Công ty Xuất ${i % 3 === 0 ? 'Dược' : 'May'} ${e.tag} ${i}`,
          workerCount: [5, 30, 250, 30][i % 4],
          hasUnion: i % 2 === 0,
          district: i % 2 ? 'Huyện Kiến Xương' : 'Thành phố Thái Bình',
          ownership: [null, 'STATE', 'PRIVATE', 'COLLECTIVE'][i % 4],
          address: i === 5 ? null : `Số ${i} đường Lý Bôn`,
          sector: i === 7 ? null : 'Dệt may',
          workerCountOn: i % 3 ? addDays(today, -i) : null,
        });
      }
      const [one] = await api.db.query(`SELECT id FROM enterprise WHERE org_unit_id = $1 ORDER BY name LIMIT 1`, [e.unitId]);
      await api.ok(G.close, { i: { id: one.id, closedOn: today } }, e.supervisor.token);
    });

    const download = (query: string, token?: string) =>
      fetch(`${api.url}/registers/enterprises.xlsx${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

    /** Every row `enterprises` lists for the filter, as the import reads a row. */
    async function listed(filter: Record<string, unknown>, token: string): Promise<EnterpriseImportRow[]> {
      const rows: EnterpriseImportRow[] = [];
      let after: string | null = null;
      for (;;) {
        const r: { enterprises: any } = await api.ok(G.list, { f: filter, first: 5, after }, token);
        for (const n of r.enterprises.nodes) {
          rows.push({
            name: n.name,
            taxCode: n.taxCode,
            workerCount: n.workerCount,
            address: n.address,
            district: n.district,
            sector: n.sector,
            ownership: n.ownership,
            hasUnion: n.hasUnion,
            surveyedOn: n.surveyedOn,
            fundingType: n.fundingType,
            fundingTypeFrom: n.fundingTypeFrom,
          });
        }
        if (!r.enterprises.pageInfo.hasNextPage) return rows;
        after = r.enterprises.pageInfo.endCursor;
      }
    }

    it.each([
      [
        'the whole register, closed ones included, by worker count',
        '?includeClosed=true&sort=WORKERS_DESC&search=',
        { includeClosed: true, sort: 'WORKERS_DESC' },
      ],
      [
        'a district, with unions, by tax code',
        '?district=Huy%E1%BB%87n%20Ki%E1%BA%BFn%20X%C6%B0%C6%A1ng&hasUnion=false&sort=TAX_CODE',
        { district: 'Huyện Kiến Xương', hasUnion: false, sort: 'TAX_CODE' },
      ],
      ['a search without diacritics, 25+ workers', '?search=cong%20ty%20xuat&minWorkers=25&ownership=', { search: 'cong ty xuat', minWorkers: 25 }],
    ])('exports %s as XLSX that reads back to the rows `enterprises` lists', async (_label, query, filter) => {
      const res = await download(`${query}&orgUnitId=${e.unitId}`, e.supervisor.token);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('spreadsheetml');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="so-doanh-nghiep-${today}.xlsx"; filename*=UTF-8''${encodeURIComponent(`Sổ doanh nghiệp ${today}.xlsx`)}`,
      );
      const body = Buffer.from(await res.arrayBuffer());
      const read = await readTabular(body, ENTERPRISE_IMPORT);
      if (!read.ok) throw new Error(JSON.stringify(read.errors));
      expect(read.refusedCount).toBe(0);
      const want = await listed({ ...filter, orgUnitId: e.unitId }, e.supervisor.token);
      expect(want.length).toBeGreaterThan(1);
      expect(read.rows.map((r) => r.values)).toEqual(want);
      expect(read.source.columns.map((c) => c.heading)).toEqual([
        'Tên doanh nghiệp',
        'Mã số thuế',
        'Số lao động',
        'Địa chỉ',
        'Huyện/Xã',
        'Ngành',
        'Loại hình',
        'Đã có công đoàn',
        'Ngày đếm lao động',
        'Loại hình tài chính',
        'Ngày áp dụng loại hình tài chính',
      ]);
    });

    it("exports within the caller's scope and refuses bad parameters (400, naming them), other subtrees (404) and anonymous callers (401)", async () => {
      const mine = await download(`?includeClosed=true`, e.officers[0].token);
      expect(mine.status).toBe(200);
      const read = await readTabular(Buffer.from(await mine.arrayBuffer()), ENTERPRISE_IMPORT);
      if (!read.ok) throw new Error(JSON.stringify(read.errors));
      expect(read.rows).toHaveLength(12);
      expect((await download(`?orgUnitId=${b.unitId}`, e.supervisor.token)).status).toBe(404);
      expect((await download(`?orgUnitId=not-a-unit`, e.supervisor.token)).status).toBe(404);
      expect((await download('')).status).toBe(401);
      const bad = await download(`?minWorkers=abc&hasUnion=maybe&sort=RANDOM&caseStatus=X&search=${'x'.repeat(201)}`, e.supervisor.token);
      expect(bad.status).toBe(400);
      const json = (await bad.json()) as Record<string, any>;
      expect(json.code).toBe('BAD_USER_INPUT');
      expect([...json.fields].sort()).toEqual(['caseStatus', 'hasUnion', 'minWorkers', 'search', 'sort']);
      expect(json.message).toMatch(/^Dữ liệu không hợp lệ: /);
    });
  });
});
