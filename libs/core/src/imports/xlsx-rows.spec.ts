import * as fs from 'node:fs';
import * as os from 'node:os';
import { defineImportKind } from './column-spec';
import { textType } from './column-types';
import { ENTERPRISE_IMPORT } from './enterprise-import';
import { openTabular, readTabular } from './tabular-import';
import { taxCodes, xlsxOf } from './testing/import-fixtures';
import { importWorkbookBuffer } from './xlsx-export';
import { FORMULA_WITHOUT_VALUE, xlsxCellValue } from './xlsx-rows';

describe('xlsxCellValue', () => {
  it('keeps plain values', () => {
    const d = new Date(Date.UTC(2025, 0, 1));
    expect([null, undefined, 'a', 1.5, true, d].map(xlsxCellValue)).toEqual([null, null, 'a', 1.5, true, d]);
  });

  it('flattens rich text and hyperlinks to their text', () => {
    expect(xlsxCellValue({ richText: [{ text: 'Công ty ' }, { text: 'A', font: { bold: true } }] })).toBe('Công ty A');
    expect(xlsxCellValue({ text: 'Trang web', hyperlink: 'https://example.vn' })).toBe('Trang web');
    expect(xlsxCellValue({ text: { richText: [{ text: 'x' }] }, hyperlink: 'h' })).toBe('x');
  });

  it('takes a formula by its cached result', () => {
    expect(xlsxCellValue({ formula: 'A1*2', result: 4 })).toBe(4);
    expect(xlsxCellValue({ sharedFormula: 'B2', result: 'ok' })).toBe('ok');
    expect(xlsxCellValue({ formula: 'A1', result: { richText: [{ text: 'r' }] } })).toBe('r');
  });

  it('refuses a formula without a result, and error values', () => {
    expect(xlsxCellValue({ formula: 'A1' })).toEqual({ problem: FORMULA_WITHOUT_VALUE });
    expect(FORMULA_WITHOUT_VALUE).toBe('Ô chứa công thức không có giá trị');
    expect(xlsxCellValue({ formula: 'A1', result: Number.NaN })).toEqual({ problem: 'Công thức trong ô cho kết quả lỗi' });
    expect(xlsxCellValue({ formula: 'A1', result: { error: '#DIV/0!' } })).toEqual({ problem: 'Công thức trong ô cho kết quả lỗi #DIV/0!' });
    expect(xlsxCellValue({ error: '#N/A' })).toEqual({ problem: 'Ô có giá trị lỗi #N/A' });
    expect(xlsxCellValue(Number.POSITIVE_INFINITY)).toEqual({ problem: 'Ô có giá trị số không hợp lệ' });
    expect(xlsxCellValue({ sharedString: 3 })).toEqual({ problem: 'Không đọc được giá trị của ô' });
  });
});

describe('xlsxRows resources', () => {
  const HEADINGS = ['Tên doanh nghiệp', 'Mã số thuế', 'Số lao động'];
  // exceljs parks worksheets in files named tmp-<pid>-… in the system's temporary directory.
  const parkedFiles = (): string[] => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith(`tmp-${process.pid}-`));
  const openFds = (): number => (fs.existsSync('/proc/self/fd') ? fs.readdirSync('/proc/self/fd').length : 0);

  it('leaves no temporary file or open descriptor behind, read to the end, stopped early or refused', async () => {
    const [tc] = taxCodes(1);
    // exceljs writes worksheets before the shared strings, as Excel does: the reader parks them on disk.
    const xlsx = await xlsxOf((wb) => {
      for (const name of ['Một', 'Hai', 'Ba']) {
        const ws = wb.addWorksheet(name);
        ws.addRow(HEADINGS);
        ws.addRow(['A', tc, 1]);
        ws.addRow(['B', tc, 2]);
      }
    });
    const fdsBefore = openFds();
    const parkedBefore = parkedFiles();
    for (let i = 0; i < 3; i++) {
      expect((await readTabular(xlsx, ENTERPRISE_IMPORT)).ok).toBe(true);
      const opened = await openTabular(xlsx, ENTERPRISE_IMPORT);
      if (!opened.ok) throw new Error('refused');
      for await (const row of opened.rows) if (row.rowNumber === 2) break;
      const other = defineImportKind<{ x: string }>({ id: 'x', label: 'x', columns: [{ key: 'x', heading: 'Không có', required: true, type: textType() }] });
      expect((await readTabular(xlsx, other)).ok).toBe(false);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(parkedFiles()).toEqual(parkedBefore);
    expect(openFds()).toBe(fdsBefore);
  });
});

describe('xlsxRows text', () => {
  // Every character of these names is 2 or 3 bytes in UTF-8: nearly every boundary between the chunks
  // exceljs inflates falls inside one.
  const name = (i: number) => `${'Hợp tác xã Đông Hưng Nhà nước Việt Nam '.repeat(3)}${i}`;

  it('reads Vietnamese text whole however the inflated chunks cut it, in shared strings and inline strings', async () => {
    const codes = taxCodes(3_000);
    const rows = codes.map((c, i) => [name(i), c, i]);
    const shared = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('Danh sách');
      ws.addRow(['Tên doanh nghiệp', 'Mã số thuế', 'Số lao động']);
      for (const r of rows) ws.addRow(r);
    });
    const inline = await importWorkbookBuffer(
      ENTERPRISE_IMPORT,
      codes.map((taxCode, i) => ({ name: name(i), taxCode, workerCount: i })),
    );
    for (const file of [shared, inline]) {
      const r = await readTabular(file, ENTERPRISE_IMPORT);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      expect(r.rows.filter((row) => row.values.name !== name(row.values.workerCount!)).map((row) => row.values.name)).toEqual([]);
      expect(r.rows).toHaveLength(3_000);
    }
  }, 60_000);
});
