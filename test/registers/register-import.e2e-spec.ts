import { Workbook } from 'exceljs';
import { randomUUID } from 'node:crypto';
import { ENTERPRISE_IMPORT, RegisterImportApplyService, importWorkbookBuffer } from '@app/core';
import { JobName, QueueName } from '@app/queue';
import { XLSX_MARKER_ENTRIES, sheetXlsx, xlsxOf, zipOf } from '@app/core/imports/testing/import-fixtures';
import { Province, TestApi } from '../support/test-api';
import { TestWorker, eventually } from '../support/test-worker';
import { HEADINGS, IMPORT_FIELDS, ROW_FIELDS, csvOf, dryRun, upload, validTaxCode } from '../support/register-imports';

/**
 * The register import end to end: the upload over real HTTP (multipart) and its dry run, GraphQL reads and
 * confirmation, the real worker applying it through the outbox, and the refusals (file-level, scope).
 */

jest.setTimeout(120_000);

const MB = 1024 * 1024;
const HISTORY = 'enterprise_worker_count';
const IMPORT = `query($id: ID!) { registerImport(id: $id) { ${IMPORT_FIELDS} } }`;
const ROWS = `query($id: ID!, $action: ImportRowAction, $first: Int, $after: String) { registerImport(id: $id) {
  rows(action: $action, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { ${ROW_FIELDS} } } } }`;
const CONFIRM = `mutation($id: ID!) { confirmRegisterImport(id: $id) { ${IMPORT_FIELDS} } }`;
const UPDATE_ENTERPRISE = `mutation($i: UpdateEnterpriseInput!) { updateEnterprise(input: $i) { id address workerCount } }`;
const CANCEL = `mutation($id: ID!) { cancelRegisterImport(id: $id) { ${IMPORT_FIELDS} } }`;

interface Existing {
  id: string;
  taxCode: string;
}

describe('register import: upload and dry run, confirm, the worker applies it', () => {
  let api: TestApi;
  let worker: TestWorker;
  let p: Province;
  let q: Province;
  let historyMadeHere = false;

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await TestWorker.start();
    p = await api.newProvince(1);
    q = await api.newProvince(1);
  });
  afterAll(async () => {
    if (historyMadeHere) await api.db.query(`DROP TABLE ${HISTORY}`);
    await worker?.close();
    await api?.close();
  });

  async function enterprise(unitId: string, over: Record<string, unknown> = {}): Promise<Existing> {
    const e = {
      name: `Công ty TNHH ${randomUUID().slice(0, 6)}`,
      tax_code: validTaxCode(),
      worker_count: 30,
      address: null,
      district: null,
      sector: null,
      ownership: null,
      has_union: false,
      surveyed_on: null,
      ...over,
    };
    const [row] = await api.db.query(
      `INSERT INTO enterprise (name, tax_code, worker_count, address, district, sector, ownership, has_union, surveyed_on, org_unit_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id, tax_code AS "taxCode"`,
      [e.name, e.tax_code, e.worker_count, e.address, e.district, e.sector, e.ownership, e.has_union, e.surveyed_on, unitId],
    );
    return row;
  }

  /** The enterprises of these tax codes, every column (updated_at included), as text. */
  const snapshot = async (codes: string[]): Promise<string[]> =>
    (await api.db.query(`SELECT e::text AS t FROM enterprise e WHERE tax_code = ANY($1) ORDER BY tax_code`, [codes])).map((r: { t: string }) => r.t);
  const enterpriseRow = async (code: string) =>
    (await api.db.query(`SELECT e.*, e.updated_at::text AS updated FROM enterprise e WHERE tax_code = $1`, [code]))[0];
  const historyRows = async (ids: string[]): Promise<number> =>
    (await api.db.query(`SELECT count(*)::int AS n FROM ${HISTORY} WHERE enterprise_id = ANY($1)`, [ids]))[0].n;
  const importsOf = async (unitId: string): Promise<number> =>
    (await api.db.query(`SELECT count(*)::int AS n FROM register_import WHERE org_unit_id = $1`, [unitId]))[0].n;

  async function applied(id: string, token = p.supervisor.token): Promise<any> {
    return eventually(async () => {
      const d = await api.ok(IMPORT, { id }, token);
      return d.registerImport.status === 'APPLIED' ? d.registerImport : null;
    }, 30_000);
  }

  async function rowsOf(id: string, action?: string): Promise<any[]> {
    const d = await api.ok(ROWS, { id, action, first: 200 }, p.supervisor.token);
    return d.registerImport.rows.nodes;
  }

  describe('a file mixing good, bad and duplicate rows', () => {
    let fileBuf: Buffer;
    let importId: string;
    let kept: Existing; // in scope, updated by the file
    let same: Existing; // in scope, unchanged
    let foreign: Existing; // another province's
    const newCode = validTaxCode();

    beforeAll(async () => {
      kept = await enterprise(p.unitId, { worker_count: 30, address: 'Số 1 Lê Lợi', sector: 'May' });
      same = await enterprise(p.unitId, { name: 'Hợp tác xã Đông Hưng', worker_count: 12, district: 'Đông Hưng', has_union: true });
      foreign = await enterprise(q.unitId);
      fileBuf = await xlsxOf((wb) => {
        const ws = wb.addWorksheet('DS doanh nghiệp');
        ws.getCell('A1').value = 'DANH SÁCH DOANH NGHIỆP NĂM 2025';
        ws.mergeCells('A1:E1');
        ws.getRow(2).values = ['Tên doanh nghiệp', 'Mã số thuế', 'Số lao động', 'Địa chỉ', 'Đã có công đoàn'];
        ws.getRow(3).values = ['Công ty CP Dược Thái Bình', newCode, 250, 'KCN Phúc Khánh', 'x'];
        ws.getRow(4).values = ['Công ty May mới', kept.taxCode, 45, null, null];
        ws.getRow(5).values = ['Công ty May trùng', kept.taxCode, 46, null, null];
        ws.getRow(6).values = ['Hợp tác xã Đông Hưng', same.taxCode, 12, null, 'có'];
        ws.getRow(7).values = ['Công ty âm lao động', validTaxCode(), -5, null, null];
        ws.getRow(8).values = ['Công ty sai mã', '0100101073', 10, null, null];
        ws.getRow(9).values = ['Công ty tỉnh khác', foreign.taxCode, 99, null, null];
        ws.getRow(10).values = ['', validTaxCode(), 10, 'Thôn Đông', null];
      });
    });

    it('answers 201 with exactly the expected counts, stores the rows with their reasons, and changes nothing in the register', async () => {
      const codes = [kept.taxCode, same.taxCode, foreign.taxCode, newCode];
      const before = await snapshot(codes);
      const summary = await dryRun(api, p.supervisor.token, fileBuf, { fileName: 'Danh sách DN quý I.xlsx', orgUnitId: p.unitId });
      importId = summary.id;
      expect(summary).toMatchObject({ status: 'VALIDATED', totalRows: 8, toCreate: 1, toUpdate: 1, unchanged: 1, refused: 5, sheetName: 'DS doanh nghiệp' });
      expect(await snapshot(codes)).toEqual(before);
      expect(await api.db.query(`SELECT 1 FROM enterprise WHERE tax_code = $1`, [newCode])).toHaveLength(0);

      const imp = (await api.ok(IMPORT, { id: importId }, p.supervisor.token)).registerImport;
      expect(imp).toMatchObject({
        kind: 'enterprise',
        fileName: 'Danh sách DN quý I.xlsx',
        status: 'VALIDATED',
        orgUnit: { id: p.unitId },
        createdBy: { id: p.supervisor.id },
        appliedRows: 0,
        progress: 0,
        error: null,
        refusedRowsUrl: `/imports/${importId}/refused.xlsx`,
      });
      const rows = await rowsOf(importId);
      expect(rows.map((r) => [r.rowNumber, r.action, r.changedFields, r.errors])).toEqual([
        [3, 'CREATE', [], []],
        [4, 'UPDATE', ['name', 'workerCount'], []],
        [5, 'REFUSED', [], [{ column: 'Mã số thuế', message: 'Trùng mã số thuế với dòng 4' }]],
        [6, 'UNCHANGED', [], []],
        [7, 'REFUSED', [], [{ column: 'Số lao động', message: 'Số lao động phải từ 0 trở lên' }]],
        [8, 'REFUSED', [], [{ column: 'Mã số thuế', message: expect.stringMatching(/mã số thuế/i) }]],
        [9, 'REFUSED', [], [{ column: 'Mã số thuế', message: 'Doanh nghiệp có mã số thuế này thuộc đơn vị khác' }]],
        [10, 'REFUSED', [], [{ column: 'Tên doanh nghiệp', message: 'Chưa nhập Tên doanh nghiệp' }]],
      ]);
      const refused = await api.ok(ROWS, { id: importId, action: 'REFUSED', first: 2 }, p.supervisor.token);
      expect(refused.registerImport.rows.totalCount).toBe(5);
      expect(refused.registerImport.rows.nodes.map((r: any) => r.rowNumber)).toEqual([5, 7]);
      const next = await api.ok(ROWS, { id: importId, action: 'REFUSED', first: 2, after: refused.registerImport.rows.pageInfo.endCursor }, p.supervisor.token);
      expect(next.registerImport.rows.nodes.map((r: any) => r.rowNumber)).toEqual([8, 9]);
    });

    it('downloads exactly the refused rows with their cells and reasons', async () => {
      const res = await fetch(`${api.url}/imports/${importId}/refused.xlsx`, { headers: { authorization: `Bearer ${p.officers[0].token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('spreadsheetml');
      expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
      const wb = new Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      const ws = wb.worksheets[0];
      const lines: unknown[][] = [];
      ws.eachRow((r) => lines.push((r.values as unknown[]).slice(1)));
      const heading = lines.findIndex((l) => l[0] === 'Dòng');
      expect(lines[heading]).toEqual(['Dòng', ...HEADINGS, 'Loại hình tài chính', 'Ngày áp dụng loại hình tài chính', 'Lý do']);
      const data = lines.slice(heading + 1);
      expect(data.map((l) => [l[0], l[2], l[l.length - 1]])).toEqual([
        [5, kept.taxCode, 'Trùng mã số thuế với dòng 4'],
        [7, expect.any(String), 'Số lao động phải từ 0 trở lên'],
        [8, '0100101073', expect.stringMatching(/mã số thuế/i)],
        [9, foreign.taxCode, 'Doanh nghiệp có mã số thuế này thuộc đơn vị khác'],
        [10, expect.any(String), 'Chưa nhập Tên doanh nghiệp'],
      ]);
      expect(data[1][3]).toBe(-5);
    });

    it('keeps another subtree out: NOT_FOUND for the import, its rows file and its confirmation', async () => {
      const read = await api.gql(IMPORT, { id: importId }, q.supervisor.token);
      expect(read.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(read.errors?.[0].message).toBe('Không tìm thấy lần nhập này');
      const confirm = await api.gql(CONFIRM, { id: importId }, q.supervisor.token);
      expect(confirm.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const file = await fetch(`${api.url}/imports/${importId}/refused.xlsx`, { headers: { authorization: `Bearer ${q.supervisor.token}` } });
      expect(file.status).toBe(404);
      const list = await api.ok(`{ registerImports(first: 50) { nodes { id } } }`, {}, q.supervisor.token);
      expect(list.registerImports.nodes.map((n: any) => n.id)).not.toContain(importId);
      const own = await api.ok(`{ registerImports(first: 50) { totalCount nodes { id } } }`, {}, p.officers[0].token);
      expect(own.registerImports.nodes.map((n: any) => n.id)).toContain(importId);
      expect((await api.gql(IMPORT, { id: randomUUID() }, p.supervisor.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await api.ok(IMPORT, { id: importId }, p.supervisor.token)).toMatchObject({ registerImport: { status: 'VALIDATED' } });
    });

    it('applies through the worker, and the same file a second time changes nothing (updated_at and history included)', async () => {
      const [{ present }] = await api.db.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [HISTORY]);
      if (!present) {
        // The table of the register branch, as its contract describes it; dropped at the end.
        await api.db.query(
          `CREATE TABLE ${HISTORY} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, enterprise_id uuid NOT NULL REFERENCES enterprise(id),
             worker_count int NOT NULL, counted_on date NOT NULL, source varchar(10) NOT NULL, note text, recorded_by uuid, recorded_at timestamptz NOT NULL)`,
        );
        historyMadeHere = true;
      }
      const keptBefore = await enterpriseRow(kept.taxCode);
      const sameBefore = await enterpriseRow(same.taxCode);
      const confirmed = await api.ok(CONFIRM, { id: importId }, p.officers[0].token);
      expect(confirmed.confirmRegisterImport.status).toBe('APPLYING');
      const [outbox] = await api.db.query(`SELECT queue, job_name FROM outbox WHERE payload->>'importId' = $1`, [importId]);
      expect(outbox).toEqual({ queue: QueueName.IMPORTS, job_name: JobName.APPLY_REGISTER_IMPORT });
      const again = await api.gql(CONFIRM, { id: importId }, p.supervisor.token);
      expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(again.errors?.[0].message).toMatch(/^Không xác nhận được: Lần nhập này đã được xác nhận/);

      const done = await applied(importId);
      expect(done).toMatchObject({ appliedRows: 2, progress: 1, error: null, appliedCreated: 1, appliedUpdated: 1, appliedUnchanged: 0, appliedSkipped: 0 });
      const created = await enterpriseRow(newCode);
      expect(created).toMatchObject({
        name: 'Công ty CP Dược Thái Bình',
        worker_count: 250,
        address: 'KCN Phúc Khánh',
        has_union: true,
        org_unit_id: p.unitId,
        surveyed_on: null,
      });
      const keptAfter = await enterpriseRow(kept.taxCode);
      expect(keptAfter).toMatchObject({ name: 'Công ty May mới', worker_count: 45, address: 'Số 1 Lê Lợi', sector: 'May' });
      expect(keptAfter.updated).not.toBe(keptBefore.updated);
      expect((await enterpriseRow(same.taxCode)).updated).toBe(sameBefore.updated);
      expect((await rowsOf(importId)).filter((r) => r.applied).map((r) => r.rowNumber)).toEqual([3, 4]);
      const history = await api.db.query(
        `SELECT enterprise_id, worker_count, source, note, recorded_by FROM ${HISTORY} WHERE enterprise_id = ANY($1) ORDER BY worker_count`,
        [[created.id, kept.id, same.id]],
      );
      expect(history).toEqual([
        { enterprise_id: kept.id, worker_count: 45, source: 'IMPORT', note: 'Danh sách DN quý I.xlsx', recorded_by: p.officers[0].id },
        { enterprise_id: created.id, worker_count: 250, source: 'IMPORT', note: 'Danh sách DN quý I.xlsx', recorded_by: p.officers[0].id },
      ]);

      const codes = [kept.taxCode, same.taxCode, foreign.taxCode, newCode];
      const before = await snapshot(codes);
      const second = await dryRun(api, p.supervisor.token, fileBuf, { fileName: 'Danh sách DN quý I.xlsx' });
      expect(second).toMatchObject({ totalRows: 8, toCreate: 0, toUpdate: 0, unchanged: 3, refused: 5 });
      await api.ok(CONFIRM, { id: second.id }, p.supervisor.token);
      expect(await applied(second.id)).toMatchObject({
        appliedRows: 0,
        progress: 1,
        appliedCreated: 0,
        appliedUpdated: 0,
        appliedUnchanged: 0,
        appliedSkipped: 0,
      });
      expect(await snapshot(codes)).toEqual(before);
      expect(await historyRows([created.id, kept.id, same.id])).toBe(2);
    });
  });

  it('loses neither an import nor a user edit racing it, and treats a tax code taken since the check as an update', async () => {
    const e = await enterprise(p.unitId, { worker_count: 30, address: 'Số 2 Hai Bà Trưng', district: 'Kiến Xương' });
    const raced = validTaxCode(); // created in the same unit after the dry run
    const racedSame = validTaxCode(); // created after the dry run with the file's very values
    const elsewhere = validTaxCode(); // created in another province after the dry run
    const csv = csvOf([
      HEADINGS.slice(0, 5),
      ['Công ty Cơ khí Kiến Xương', e.taxCode, 80, 'Số 10 Quang Trung', null],
      ['Công ty Giày Tiền Hải', raced, 300, 'KCN Tiền Hải', 'Tiền Hải'],
      ['Công ty Gỗ Quỳnh Phụ', elsewhere, 60, null, null],
      ['Công ty Dệt Vũ Thư', racedSame, 120, null, null],
    ]);
    const summary = await dryRun(api, p.supervisor.token, csv, { fileName: 'cap-nhat.csv' });
    expect(summary).toMatchObject({ toCreate: 3, toUpdate: 1, sheetName: null });
    const [row2] = await rowsOf(summary.id, 'UPDATE');
    expect(row2.changedFields).toEqual(['name', 'workerCount', 'address']);

    // A user changes the address (and only it) after the dry run; others register the two new codes meanwhile.
    const edited = await api.ok(UPDATE_ENTERPRISE, { i: { id: e.id, address: 'Số 5 Lý Bôn' } }, p.officers[0].token);
    expect(edited.updateEnterprise).toMatchObject({ id: e.id, address: 'Số 5 Lý Bôn', workerCount: 30 });
    const racedOne = await enterprise(p.unitId, { tax_code: raced, name: 'Cty Giày TH', worker_count: 250 });
    const other = await enterprise(q.unitId, { tax_code: elsewhere, name: 'Công ty Gỗ (tỉnh khác)', worker_count: 7 });
    await enterprise(p.unitId, { tax_code: racedSame, name: 'Công ty Dệt Vũ Thư', worker_count: 120 });
    const otherBefore = await snapshot([elsewhere]);

    await api.ok(CONFIRM, { id: summary.id }, p.supervisor.token);
    // What was done, not what the dry run expected (3 to create): one skipped, the raced ones updated or found as in the file.
    expect(await applied(summary.id)).toMatchObject({
      appliedRows: 4,
      progress: 1,
      appliedCreated: 0,
      appliedUpdated: 2,
      appliedUnchanged: 1,
      appliedSkipped: 1,
    });
    expect(await enterpriseRow(e.taxCode)).toMatchObject({
      name: 'Công ty Cơ khí Kiến Xương',
      worker_count: 80,
      address: 'Số 5 Lý Bôn',
      district: 'Kiến Xương',
    });
    expect(await enterpriseRow(raced)).toMatchObject({
      id: racedOne.id,
      name: 'Công ty Giày Tiền Hải',
      worker_count: 300,
      address: 'KCN Tiền Hải',
      district: 'Tiền Hải',
    });
    expect(await snapshot([elsewhere])).toEqual(otherBefore);
    expect(other.id).toBeTruthy();
    const rows = await rowsOf(summary.id);
    expect(rows.map((r) => [r.rowNumber, r.action, r.applied, r.errors])).toEqual([
      [2, 'UPDATE', true, [{ column: 'Địa chỉ', message: 'Bỏ qua “Địa chỉ”: đã được sửa sau khi kiểm tra' }]],
      [3, 'CREATE', true, [{ column: null, message: 'Doanh nghiệp đã được thêm vào danh sách sau khi kiểm tra tệp: cập nhật thay vì thêm mới' }]],
      [4, 'CREATE', true, [{ column: 'Mã số thuế', message: 'Doanh nghiệp có mã số thuế này thuộc đơn vị khác' }]],
      [5, 'CREATE', true, [{ column: null, message: 'Doanh nghiệp đã được thêm vào danh sách sau khi kiểm tra tệp: cập nhật thay vì thêm mới' }]],
    ]);
    expect(rows[1].changedFields).toEqual(['name', 'workerCount', 'address', 'district']);
  });

  it("keeps a user's edit committed while the worker waits for the enterprise's lock (read as it is then, not as it was)", async () => {
    const e = await enterprise(p.unitId, { worker_count: 30, address: 'Số 3 Lê Lợi' });
    const csv = csvOf([HEADINGS.slice(0, 4), ['Công ty Đang sửa', e.taxCode, 90, 'Số 9 Lê Lợi']]);
    const summary = await dryRun(api, p.supervisor.token, csv, { fileName: 'dang-sua.csv' });
    expect(summary).toMatchObject({ toUpdate: 1 });
    const imports = worker.queue(QueueName.IMPORTS);
    const service = worker.app.get(RegisterImportApplyService);
    await imports.pause();
    const user = api.db.createQueryRunner();
    await user.connect();
    let applying: Promise<unknown> | undefined;
    try {
      await api.ok(CONFIRM, { id: summary.id }, p.supervisor.token);
      // A user's edit in progress: the row is locked and changed, not yet committed.
      await user.startTransaction();
      await user.query(`UPDATE enterprise SET address = 'Số 4 Lê Lợi', updated_at = now() WHERE id = $1`, [e.id]);
      const [{ pid }] = await user.query(`SELECT pg_backend_pid() AS pid`);
      applying = service.apply(summary.id);
      // The worker's batch waits for the user's transaction.
      await eventually(async () => (await api.db.query(`SELECT 1 FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [pid])).length > 0, 30_000, 20);
      await user.commitTransaction();
      await applying;
    } finally {
      if (user.isTransactionActive) await user.rollbackTransaction();
      await user.release();
      await imports.resume();
    }
    expect(await enterpriseRow(e.taxCode)).toMatchObject({ name: 'Công ty Đang sửa', worker_count: 90, address: 'Số 4 Lê Lợi' });
    const [row] = await rowsOf(summary.id);
    expect(row).toMatchObject({ applied: true, errors: [{ column: 'Địa chỉ', message: 'Bỏ qua “Địa chỉ”: đã được sửa sau khi kiểm tra' }] });
  });

  it('doubles nothing when the apply job is delivered twice, run side by side, or retried after a failure half-way', async () => {
    const existing = await enterprise(p.unitId, { worker_count: 10 });
    const codes = [validTaxCode(), validTaxCode(), validTaxCode(), validTaxCode()];
    const csv = csvOf([HEADINGS.slice(0, 3), ...codes.map((c, i) => [`Công ty số ${i + 1}`, c, 40 + i]), ['Công ty cũ', existing.taxCode, 11]]);
    const summary = await dryRun(api, p.supervisor.token, csv, { fileName: 'lap-lai.csv' });
    expect(summary).toMatchObject({ toCreate: 4, toUpdate: 1 });
    const imports = worker.queue(QueueName.IMPORTS);
    const service = worker.app.get(RegisterImportApplyService);
    // The fourth code fails to insert until the trigger goes: the first batches commit, the job fails (FAILED).
    const fn = `fail_${randomUUID().replace(/-/g, '')}`;
    await api.db.query(
      `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
         IF NEW.tax_code = '${codes[3]}' THEN RAISE EXCEPTION 'disk full (test)'; END IF; RETURN NEW; END $$`,
    );
    await api.db.query(`CREATE TRIGGER ${fn} BEFORE INSERT ON enterprise FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    await imports.pause();
    try {
      await api.ok(CONFIRM, { id: summary.id }, p.supervisor.token);
      await expect(service.apply(summary.id, 1)).rejects.toThrow('disk full (test)');
      const failed = (await api.ok(IMPORT, { id: summary.id }, p.supervisor.token)).registerImport;
      expect(failed).toMatchObject({ status: 'FAILED', appliedRows: 3, error: expect.stringMatching(/^Lỗi hệ thống khi ghi/) });
      expect(failed.progress).toBeCloseTo(0.6);
      expect(await api.db.query(`SELECT 1 FROM enterprise WHERE tax_code = ANY($1)`, [codes])).toHaveLength(3);
    } finally {
      await api.db.query(`DROP TRIGGER ${fn} ON enterprise`);
      await api.db.query(`DROP FUNCTION ${fn}()`);
    }
    const [outbox] = await api.db.query(`SELECT id FROM outbox WHERE payload->>'importId' = $1`, [summary.id]);
    const relayed = `outbox-${outbox.id}`;
    const duplicate = `duplicate-${summary.id}`;
    try {
      // The relayed job waits in the paused queue; a second delivery of it, and two direct runs side by side.
      await eventually(async () => Boolean(await imports.getJob(relayed)));
      await imports.add(JobName.APPLY_REGISTER_IMPORT, { importId: summary.id }, { jobId: duplicate });
      await Promise.all([service.apply(summary.id, 2), service.apply(summary.id, 2)]);
    } finally {
      await imports.resume();
    }
    // Counted once per row however many deliveries ran: the counts move with the rows' batch.
    expect(await applied(summary.id)).toMatchObject({ appliedRows: 5, progress: 1, error: null, appliedCreated: 4, appliedUpdated: 1, appliedUnchanged: 0 });
    for (const jobId of [relayed, duplicate]) await eventually(async () => (await imports.getJob(jobId))?.isCompleted());
    const ids = (await api.db.query(`SELECT id FROM enterprise WHERE tax_code = ANY($1)`, [[...codes, existing.taxCode]])).map((r: any) => r.id);
    expect(ids).toHaveLength(5);
    if (await hasHistory()) expect(await historyRows(ids)).toBe(5);
    expect((await api.ok(IMPORT, { id: summary.id }, p.supervisor.token)).registerImport).toMatchObject({ status: 'APPLIED', appliedRows: 5 });
    expect((await enterpriseRow(existing.taxCode)).worker_count).toBe(11);
    expect((await rowsOf(summary.id)).every((r) => r.applied && r.errors.length === 0)).toBe(true);
  });

  async function hasHistory(): Promise<boolean> {
    return (await api.db.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [HISTORY]))[0].present;
  }

  it('cancels a dry run once, and refuses to confirm it afterwards', async () => {
    const summary = await dryRun(api, p.officers[0].token, csvOf([HEADINGS.slice(0, 3), ['Công ty huỷ', validTaxCode(), 3]]), { fileName: 'huy.csv' });
    const cancelled = await api.ok(CANCEL, { id: summary.id }, p.officers[0].token);
    expect(cancelled.cancelRegisterImport.status).toBe('CANCELLED');
    const again = await api.gql(CANCEL, { id: summary.id }, p.officers[0].token);
    expect(again.errors?.[0]).toMatchObject({ message: 'Không huỷ được: Lần nhập này đã bị huỷ: hãy tải tệp lên lại', extensions: { code: 'CONFLICT' } });
    const confirm = await api.gql(CONFIRM, { id: summary.id }, p.officers[0].token);
    expect(confirm.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await api.db.query(`SELECT 1 FROM outbox WHERE payload->>'importId' = $1`, [summary.id])).toHaveLength(0);
  });

  describe('refusals of the upload', () => {
    it('answers 413 past 20 MB, while receiving, and stores nothing', async () => {
      const before = await importsOf(p.unitId);
      const r = await upload(api, p.supervisor.token, Buffer.alloc(20 * MB + 1, 0x41), { fileName: 'lon.csv' });
      expect(r).toEqual({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: 'Tệp vượt quá 20 MB' } });
      expect(await importsOf(p.unitId)).toBe(before);
    });

    it('answers 400 with the reason for files refused as a whole (renamed, zip bomb, 100,001 rows, no heading) and stores nothing', async () => {
      const before = await importsOf(p.unitId);
      const png = Buffer.from(
        '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6360000000020001e221bc330000000049454e44ae426082',
        'hex',
      );
      const docx = await zipOf([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
      ]);
      const bomb = await zipOf([...XLSX_MARKER_ENTRIES, { name: 'xl/worksheets/sheet1.xml', data: { zeros: 300 * MB } }]);
      const many = csvOf([HEADINGS.slice(0, 3), ...Array.from({ length: 100_001 }, (_, i) => [`Công ty ${i}`, '0100101072', i])]);
      const cases: [string, Buffer, string, RegExp][] = [
        ['anh.xlsx', png, 'NOT_XLSX_OR_CSV', /^Tệp không phải XLSX hoặc CSV/],
        ['van-ban.xlsx', docx, 'NOT_XLSX_OR_CSV', /^Tệp không phải XLSX hoặc CSV/],
        ['bom.xlsx', bomb, 'ZIP_BOMB', /quá lớn/],
        ['nhieu.csv', many, 'TOO_MANY_ROWS', /^Tệp có quá 100\.000 dòng dữ liệu/],
        [
          'trong.xlsx',
          await sheetXlsx([
            ['Họ và tên', 'Ngày sinh'],
            ['Nguyễn Văn A', '01/01/1990'],
          ]),
          'HEADING_NOT_FOUND',
          /tiêu đề/,
        ],
        ['rong.csv', Buffer.alloc(0), 'EMPTY_FILE', /rỗng/],
      ];
      for (const [name, file, code, message] of cases) {
        const r = await upload(api, p.supervisor.token, file, { fileName: name });
        expect([name, r.status, r.body.code]).toEqual([name, 400, 'BAD_USER_INPUT']);
        expect(r.body.errors).toEqual([{ code, message: expect.stringMatching(message) }]);
        expect(r.body.message).toBe(r.body.errors[0].message);
      }
      const none = await fetch(`${api.url}/imports/enterprises`, { method: 'POST', headers: { authorization: `Bearer ${p.supervisor.token}` } });
      expect(none.status).toBe(400);
      expect(await none.json()).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^Chưa có tệp/) });
      expect(await importsOf(p.unitId)).toBe(before);
    });

    it('answers 400 for an XLSX of 100,001 rows, refused only once its last row is read, and stores nothing', async () => {
      const before = await importsOf(p.unitId);
      const rows = Array.from({ length: 100_001 }, (_, i) => ({ name: `Công ty ${i}`, taxCode: '0100101072', workerCount: i }));
      const started = Date.now();
      const r = await upload(api, p.supervisor.token, await importWorkbookBuffer(ENTERPRISE_IMPORT, rows), { fileName: 'qua-nhieu.xlsx' });
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([{ code: 'TOO_MANY_ROWS', message: 'Tệp có quá 100.000 dòng dữ liệu: hãy chia thành nhiều tệp nhỏ hơn' }]);
      expect(await importsOf(p.unitId)).toBe(before);
      console.log(`100,001-row XLSX written, uploaded and refused in ${Date.now() - started} ms`);
    }, 180_000);

    it('reads a hostile but readable workbook (hidden sheet first, formulas, merged cells) without a crash', async () => {
      const code1 = validTaxCode();
      const code2 = validTaxCode();
      const book = await xlsxOf((wb) => {
        const hidden = wb.addWorksheet('Nháp', { state: 'hidden' });
        hidden.addRow(['Tên doanh nghiệp', 'Mã số thuế', 'Số lao động']);
        hidden.addRow(['Không được đọc', validTaxCode(), 1]);
        const ws = wb.addWorksheet('Danh sách');
        ws.addRow(['Tên doanh nghiệp', 'Mã số thuế', 'Số lao động', 'Huyện/Xã']);
        ws.addRow(['Công ty Công thức', code1, { formula: 'B2*0' }, 'Vũ Thư']);
        ws.addRow(['Công ty Gộp ô', code2, { formula: '20+5', result: 25 }, null]);
        ws.addRow(['Công ty Gộp ô 2', validTaxCode(), 7, null]);
        ws.mergeCells('D3:D4');
        ws.getCell('D3').value = 'Đông Hưng';
      });
      const r = await upload(api, p.supervisor.token, book, { fileName: 'kho-doc.xlsx' });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ sheetName: 'Danh sách', skippedHiddenSheets: ['Nháp'], totalRows: 3 });
      const rows = await rowsOf(r.body.id);
      expect(rows[0]).toMatchObject({ rowNumber: 2, action: 'REFUSED', errors: [{ column: 'Số lao động' }] });
      expect(rows[1]).toMatchObject({ rowNumber: 3, action: 'CREATE' });
      expect(await api.db.query(`SELECT 1 FROM enterprise WHERE tax_code = ANY($1)`, [[code1, code2]])).toHaveLength(0);
    });

    it("refuses callers outside the unit: 401 without a token, 404 for a unit out of sight, 403 for an officer's other unit", async () => {
      const csv = csvOf([HEADINGS.slice(0, 3), ['Công ty phạm vi', validTaxCode(), 3]]);
      const [child] = await api.db.query(
        `WITH id AS (SELECT gen_random_uuid() AS id) INSERT INTO org_unit (id, name, kind, parent_id, path)
         SELECT id.id, 'Công đoàn ngành Giáo dục', 'UPPER_LEVEL', $1, $2 || '.' || id.id FROM id RETURNING id`,
        [p.unitId, (await api.db.query(`SELECT path FROM org_unit WHERE id = $1`, [p.unitId]))[0].path],
      );
      const before = (await importsOf(q.unitId)) + (await importsOf(child.id)) + (await importsOf(p.federationId));
      expect((await upload(api, undefined, csv)).status).toBe(401);
      const outOfSight = await upload(api, p.officers[0].token, csv, { orgUnitId: q.unitId });
      expect(outOfSight).toEqual({ status: 404, body: { code: 'NOT_FOUND', message: 'Không tìm thấy đơn vị' } });
      expect((await upload(api, p.officers[0].token, csv, { orgUnitId: p.federationId })).status).toBe(404);
      expect((await upload(api, p.supervisor.token, csv, { orgUnitId: q.unitId })).status).toBe(404);
      const otherUnit = await upload(api, p.officers[0].token, csv, { orgUnitId: child.id });
      expect(otherUnit).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: 'Cán bộ chỉ được nhập danh sách doanh nghiệp của đơn vị mình' } });
      expect((await upload(api, p.supervisor.token, csv, { orgUnitId: child.id })).status).toBe(201);
      expect((await importsOf(q.unitId)) + (await importsOf(child.id)) + (await importsOf(p.federationId))).toBe(before + 1);
    });

    it("lets an officer confirm its unit's dry run only when every enterprise it updates is of the officer's unit", async () => {
      const [child] = await api.db.query(
        `WITH id AS (SELECT gen_random_uuid() AS id) INSERT INTO org_unit (id, name, kind, parent_id, path)
         SELECT id.id, 'Công đoàn ngành Xây dựng', 'UPPER_LEVEL', $1, $2 || '.' || id.id FROM id RETURNING id`,
        [p.unitId, (await api.db.query(`SELECT path FROM org_unit WHERE id = $1`, [p.unitId]))[0].path],
      );
      const below = await enterprise(child.id, { worker_count: 5 });
      const summary = await dryRun(api, p.supervisor.token, csvOf([HEADINGS.slice(0, 3), ['Công ty đơn vị dưới', below.taxCode, 6]]), { orgUnitId: p.unitId });
      expect(summary).toMatchObject({ toUpdate: 1 });
      const officer = await api.gql(CONFIRM, { id: summary.id }, p.officers[0].token);
      expect(officer.errors?.[0]).toMatchObject({
        message: 'Lần nhập này cập nhật doanh nghiệp của đơn vị khác: cần cán bộ giám sát xác nhận',
        extensions: { code: 'FORBIDDEN' },
      });
      expect((await api.ok(IMPORT, { id: summary.id }, p.officers[0].token)).registerImport.status).toBe('VALIDATED');
      await api.ok(CONFIRM, { id: summary.id }, p.supervisor.token);
      expect(await applied(summary.id)).toMatchObject({ appliedRows: 1 });
      expect((await enterpriseRow(below.taxCode)).worker_count).toBe(6);
    });
  });
});
