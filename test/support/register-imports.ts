import { taxCodeCheckDigit } from '@app/domain';
import { TestApi } from './test-api';

/** Register-import helpers: valid tax codes, CSV bytes, the upload over real HTTP (multipart) and the GraphQL reads. */

export const HEADINGS = ['Tên doanh nghiệp', 'Mã số thuế', 'Số lao động', 'Địa chỉ', 'Huyện/Xã', 'Ngành', 'Loại hình', 'Đã có công đoàn', 'Ngày đếm lao động'];

/** A random tax code that passes the check digit (the import refuses the others), 10 digits. */
export function validTaxCode(): string {
  for (;;) {
    const first9 = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
    const d = taxCodeCheckDigit(first9);
    if (d !== null) return `${first9}${d}`;
  }
}

/** CSV bytes (UTF-8, comma-separated, fields quoted when needed). */
export function csvOf(rows: (string | number | null)[][]): Buffer {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return Buffer.from(`${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`, 'utf8');
}

export interface UploadAnswer {
  status: number;
  body: any;
}

/** POST /imports/enterprises as multipart/form-data. */
export async function upload(
  api: TestApi,
  token: string | undefined,
  file: Buffer,
  opts: { fileName?: string; orgUnitId?: string } = {},
): Promise<UploadAnswer> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), opts.fileName ?? 'danh-sach.xlsx');
  if (opts.orgUnitId) form.append('orgUnitId', opts.orgUnitId);
  const res = await fetch(`${api.url}/imports/enterprises`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the failure message
  }
  return { status: res.status, body };
}

/** An upload that must be accepted (201): its dry-run summary. */
export async function dryRun(api: TestApi, token: string, file: Buffer, opts: { fileName?: string; orgUnitId?: string } = {}): Promise<any> {
  const r = await upload(api, token, file, opts);
  if (r.status !== 201) throw new Error(`upload answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

export const IMPORT_FIELDS = `id kind fileName status orgUnit { id } createdBy { id } createdAt sheetName totalRows toCreate toUpdate unchanged refused appliedCreated appliedUpdated appliedUnchanged appliedSkipped
  appliedRows progress error refusedRowsUrl`;
export const ROW_FIELDS = 'rowNumber action taxCode name changedFields errors { column message } applied';
