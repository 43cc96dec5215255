import { ENTERPRISE_IMPORT, EnterpriseImportRow, copyFromStdin, importWorkbookBuffer } from '@app/core';
import { Ownership, taxCodeCheckDigit } from '@app/domain';
import { Host } from '../lib/children';
import { Ctx, Row } from '../lib/context';
import { GqlClient } from '../lib/http';
import { median, now } from '../lib/stats';

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
const CONFIRM = `mutation($id: ID!) { confirmRegisterImport(id: $id) { status } }`;
const OWNERSHIPS = [Ownership.PRIVATE, Ownership.FOREIGN_INVESTED, Ownership.STATE, Ownership.COLLECTIVE, Ownership.OTHER];
const COPY_COLUMNS = 'tax_code, name, worker_count, address, district, sector, ownership, has_union, surveyed_on';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Valid tax codes (check digit) from 9-digit prefixes 8xxxxxxxx, a range the seed never uses (it writes 1000000000 + g). */
function taxCodesFrom(start: number, count: number): { codes: string[]; next: number } {
  const codes: string[] = [];
  let n = start;
  for (; codes.length < count; n++) {
    const first9 = String(n);
    const d = taxCodeCheckDigit(first9);
    if (d !== null) codes.push(`${first9}${d}`);
  }
  return { codes, next: n };
}

/** The same register as an office's CSV (UTF-8, comma-separated, the import headings). */
function uploadCsv(rows: EnterpriseImportRow[]): Buffer {
  const q = (s: string | null) => (s === null ? '' : `"${s.replace(/"/g, '""')}"`);
  const head = ENTERPRISE_IMPORT.columns.map((c) => c.heading).join(',');
  const day = (d: string | null) => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '');
  const lines = rows.map((r) =>
    [q(r.name), r.taxCode, r.workerCount, q(r.address), q(r.district), q(r.sector), r.ownership ?? '', r.hasUnion ? 'Có' : 'Không', day(r.surveyedOn)].join(
      ',',
    ),
  );
  return Buffer.from(`${head}\n${lines.join('\n')}\n`);
}

/** CSV text (COPY's format) of the rows, the same values the workbook holds. */
function copyCsv(rows: EnterpriseImportRow[]): Buffer {
  const q = (s: string | null) => (s === null ? '' : `"${s.replace(/"/g, '""')}"`);
  return Buffer.from(
    rows
      .map((r) => [r.taxCode, q(r.name), r.workerCount, q(r.address), q(r.district), q(r.sector), r.ownership ?? '', r.hasUnion, r.surveyedOn ?? ''].join(','))
      .join('\n') + '\n',
  );
}

/**
 * A register of `scale.importRows` enterprises imported the way an office does it: the XLSX uploaded to the real
 * API (its own process: POST /imports/enterprises, the dry run, 201), confirmed over GraphQL, and applied by the
 * real worker (its own process: outbox relay → apply-register-import job), timed until the import is APPLIED.
 * Half the rows update enterprises already in the register (worker count and address change), half are new.
 * Baseline: a bare `COPY … FROM STDIN` of the same rows (CSV in memory) into a scratch table without indexes.
 * Also the API's and the worker's peak RSS while importing.
 */
export async function importsSuite(ctx: Ctx, password: string): Promise<void> {
  const { pg, scale, world } = ctx;
  const n = scale.importRows;
  const unit = world.units[0];
  const supervisor = world.unitSupervisors[0];
  const api = await Host.start('api', 'api-host.ts', ctx.hostEnv);
  const worker = await Host.start('worker', 'worker-host.ts', ctx.hostEnv);
  const gql = new GqlClient(`http://127.0.0.1:${api.info.port}`);
  try {
    const token: string = (await gql.request(LOGIN, { e: supervisor.email, p: password })).login.accessToken;
    let nextCode = 800_000_000;
    const round = async (r: number, format: 'xlsx' | 'csv') => {
      // The register before the import: n/2 enterprises of the unit that the file updates.
      const existing = taxCodesFrom(nextCode, n / 2);
      const fresh = taxCodesFrom(existing.next, n / 2);
      nextCode = fresh.next;
      await pg.query(
        `INSERT INTO enterprise (name, tax_code, worker_count, address, district, sector, ownership, has_union, org_unit_id)
         SELECT 'Công ty TNHH Nhập Bench ' || c, c, 30, 'Số cũ ' || c, 'Huyện 1', 'Dệt may', 'PRIVATE', false, $2 FROM unnest($1::text[]) c`,
        [existing.codes, unit.id],
      );
      const rows: EnterpriseImportRow[] = [];
      for (let i = 0; i < n / 2; i++) {
        const e = existing.codes[i];
        rows.push({
          name: `Công ty TNHH Nhập Bench ${e}`,
          taxCode: e,
          workerCount: 31 + (i % 500),
          address: `Số ${i} đường Trần Hưng Đạo, phường Lê Hồng Phong`,
          district: 'Huyện 1',
          sector: 'Dệt may',
          ownership: Ownership.PRIVATE,
          hasUnion: false,
          surveyedOn: null,
          fundingType: null,
          fundingTypeFrom: null,
        });
        const c = fresh.codes[i];
        rows.push({
          name: `Công ty Cổ phần Sản xuất và Thương mại Bench ${c}`,
          taxCode: c,
          workerCount: 5 + (i % 900),
          address: `Lô ${i} KCN Phúc Khánh, TP Thái Bình`,
          district: `Huyện ${1 + (i % 8)}`,
          sector: ['Dệt may', 'Da giày', 'Điện tử', 'Chế biến gỗ', 'Cơ khí'][i % 5],
          ownership: OWNERSHIPS[i % 5],
          hasUnion: i % 7 === 0,
          surveyedOn: i % 3 === 0 ? '2025-03-31' : null,
          fundingType: null,
          fundingTypeFrom: null,
        });
      }
      const file = format === 'xlsx' ? await importWorkbookBuffer(ENTERPRISE_IMPORT, rows, { title: 'DANH SÁCH DOANH NGHIỆP' }) : uploadCsv(rows);
      const csv = copyCsv(rows);

      // Baseline: the same rows, COPY'd into a scratch table.
      await pg.query(`DROP TABLE IF EXISTS bench_import_copy`);
      await pg.query(
        `CREATE TABLE bench_import_copy (tax_code varchar(20), name varchar(255), worker_count int, address varchar(500), district varchar(120),
           sector varchar(120), ownership varchar(30), has_union boolean, surveyed_on date)`,
      );
      const client = await pg.connect();
      let copyMs: number;
      try {
        const t = now();
        const copied = await copyFromStdin(client, `COPY bench_import_copy (${COPY_COLUMNS}) FROM STDIN WITH (FORMAT csv)`, csv);
        copyMs = now() - t;
        if (copied !== n) throw new Error(`COPY wrote ${copied} rows, not ${n}`);
      } finally {
        client.release();
      }
      await pg.query(`DROP TABLE bench_import_copy`);

      // System: upload (dry run), confirm, applied by the worker.
      const t0 = now();
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file)]), `Danh sách doanh nghiệp ${r}.${format}`);
      form.append('orgUnitId', unit.id);
      const res = await fetch(`http://127.0.0.1:${api.info.port}/imports/enterprises`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      const summary = (await res.json()) as { id: string; toCreate: number; toUpdate: number; refused: number };
      if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${JSON.stringify(summary)}`);
      const t1 = now();
      if (summary.toCreate !== n / 2 || summary.toUpdate !== n / 2 || summary.refused) throw new Error(`unexpected dry run: ${JSON.stringify(summary)}`);
      await gql.request(CONFIRM, { id: summary.id }, token);
      for (;;) {
        const [row] = (await pg.query(`SELECT status, error FROM register_import WHERE id = $1`, [summary.id])).rows;
        if (row.status === 'APPLIED') break;
        if (row.status === 'FAILED') throw new Error(`import failed in the worker: ${row.error}`);
        await sleep(10);
      }
      const t2 = now();
      const [check] = (
        await pg.query(
          `SELECT count(*) FILTER (WHERE tax_code = ANY($1))::int AS created, count(*) FILTER (WHERE tax_code = ANY($2) AND address LIKE 'Số % đường Trần Hưng Đạo%')::int AS updated
           FROM enterprise WHERE tax_code = ANY($1) OR tax_code = ANY($2)`,
          [fresh.codes, existing.codes],
        )
      ).rows;
      if (check.created !== n / 2 || check.updated !== n / 2) throw new Error(`import wrote ${JSON.stringify(check)}, expected ${n / 2} + ${n / 2}`);
      ctx.log(
        `  imports ${format} r${r}: COPY ${copyMs.toFixed(0)} ms; import ${(t2 - t0).toFixed(0)} ms (dry run ${(t1 - t0).toFixed(0)} ms, apply ${(t2 - t1).toFixed(0)} ms); ${format.toUpperCase()} ${(file.length / 1024).toFixed(0)} KiB`,
      );
      return { copyMs, totalMs: t2 - t0, dryMs: t1 - t0, applyMs: t2 - t1, bytes: file.length };
    };

    await round(-1, 'xlsx'); // warm-up: both processes load exceljs, plan the statements
    api.resetPeak();
    worker.resetPeak();
    const a0 = api.memory();
    const w0 = worker.memory();
    const runs = [];
    for (let r = 0; r < scale.rounds; r++) runs.push(await round(r, 'xlsx'));
    const aPeak = api.memory().hwm;
    const wPeak = worker.memory().hwm;
    const csvRuns = [];
    for (let r = 0; r < scale.rounds; r++) csvRuns.push(await round(scale.rounds + r, 'csv'));
    const mk = (name: string, values: number[], base: number[], note: string, target?: number): Row => {
      const row: Row = {
        section: 'imports',
        name,
        baseline: `bare COPY … FROM STDIN of the same ${n.toLocaleString('en-US')} rows (CSV in memory) into a scratch table without indexes`,
        unit: 'ms',
        system: median(values),
        base: median(base),
        ratio: NaN,
        rounds: { system: values, base },
        note,
      };
      row.ratio = row.base / row.system;
      if (target) row.target = { text: `≤ ${target}× the bare COPY`, met: row.system <= target * row.base };
      return row;
    };
    const base = runs.map((x) => x.copyMs);
    const csvBase = csvRuns.map((x) => x.copyMs);
    const kib = (runs[0].bytes / 1024).toFixed(0);
    ctx.rows.push(
      mk(
        `register import of ${n.toLocaleString('en-US')} rows (half new, half updating 2 columns), XLSX: upload + dry run, confirm, applied by the worker`,
        runs.map((x) => x.totalMs),
        base,
        `XLSX ${kib} KiB; timed from the upload until the import is APPLIED (includes the outbox relay's pick-up)`,
        5,
      ),
    );
    ctx.rows.push(
      mk(
        '… of it the dry run: POST /imports/enterprises → 201 (receive, read the XLSX, classify, store the rows)',
        runs.map((x) => x.dryMs),
        base,
        'the API process: multer, the rows streamed (own XLSX scanner), per chunk of 5,000 one query for the tax codes and one COPY of the rows',
      ),
    );
    ctx.rows.push(
      mk(
        '… of it the apply: confirmRegisterImport → APPLIED (outbox relay, worker job, batches of 5,000 rows)',
        runs.map((x) => x.applyMs),
        base,
        'per batch: INSERT … SELECT … ON CONFLICT, the rows marked by primary key, the guarded UPDATE (locking, history, rows marked) in one statement; a transaction per batch',
      ),
    );
    ctx.rows.push(
      mk(
        `the same register as CSV (${(csvRuns[0].bytes / 1024).toFixed(0)} KiB): upload + dry run, confirm, applied by the worker`,
        csvRuns.map((x) => x.totalMs),
        csvBase,
        `of it the dry run ${median(csvRuns.map((x) => x.dryMs)).toFixed(0)} ms, the apply ${median(csvRuns.map((x) => x.applyMs)).toFixed(0)} ms (medians)`,
        5,
      ),
    );
    ctx.memory.push({ process: 'API', phase: `register import dry runs (${n.toLocaleString('en-US')}-row XLSX, ${kib} KiB)`, rss: a0.rss, hwm: aPeak });
    ctx.memory.push({ process: 'worker', phase: `register import applied (${n.toLocaleString('en-US')} rows, from XLSX)`, rss: w0.rss, hwm: wPeak });
  } finally {
    gql.close();
    await worker.stop();
    await api.stop();
  }
}
