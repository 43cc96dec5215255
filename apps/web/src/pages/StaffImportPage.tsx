import { FormEvent, useId, useRef, useState } from 'react';
import { ApiError, downloadWithToken, postForm } from '../api';
import { fmtNumber } from '../i18n';
import { IMPORT_ACTION_LABEL } from '../i18n-registers';
import { Link } from '../router';
import { useSession } from '../session';
import { ErrorBox, Notice } from '../ui/errors';
import { PageTitle } from '../ui/page';
import { useAction } from '../ui/use-action';
import { MAX_IMPORT_BYTES } from './imports/UploadForm';

export const STAFF_IMPORT_PATH = '/nhap-danh-sach';
const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

type Action = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'REFUSED';
interface StaffImportResult {
  ok: true;
  applied: boolean;
  totalRows: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  refused: number;
  rows: {
    rowNumber: number;
    action: Action;
    fullName: string | null;
    citizenId: string | null;
    changedFields: string[];
    errors: { column?: string | null; message: string }[];
  }[];
}

const FIELD_LABEL: Record<string, string> = {
  fullName: 'Họ và tên',
  citizenId: 'Số CCCD',
  birthDate: 'Ngày sinh',
  sex: 'Giới tính',
  job: 'Công việc',
  contractKind: 'Loại hợp đồng lao động',
  phone: 'Số điện thoại',
};

function checkFile(file: File | null): string | null {
  if (!file) return 'Hãy chọn tệp XLSX hoặc CSV.';
  if (!/\.(xlsx|csv)$/i.test(file.name)) return 'Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).';
  if (file.size > MAX_IMPORT_BYTES) return 'Tệp vượt quá 20 MB.';
  if (file.size === 0) return 'Tệp rỗng.';
  return null;
}

/**
 * Nhập danh sách người lao động (a CĐCS's chair): the file is checked first (POST /imports/staff, a dry run: per row
 * added, updated, unchanged or refused with its reasons), then applied with the same file (apply=true); the refused
 * rows download as an XLSX to correct and import again. Matched by the export's code (Mã người lao động), else by citizen id: importing twice changes nothing.
 */
export function StaffImportPage() {
  const { me } = useSession();
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<StaffImportResult | null>(null);
  const act = useAction<'check' | 'apply' | 'refused'>();
  const send = async (apply: boolean) => {
    const bad = checkFile(file);
    if (bad) throw new ApiError(bad, 'BAD_USER_INPUT', { status: 0 });
    const form = new FormData();
    form.append('file', file!, file!.name);
    form.append('grassrootsUnionId', me.orgUnit.id);
    if (apply) form.append('apply', 'true');
    const r = await postForm<StaffImportResult>('/imports/staff', form);
    setResult(r);
    return r;
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (act.busy) return;
    await act.run('check', async () => {
      setResult(null);
      await send(false);
    });
  };

  return (
    <section aria-labelledby="staff-imp-title" data-testid="staff-import-page">
      <p className="breadcrumb">
        <Link to="/">← Đoàn viên</Link>
      </p>
      <PageTitle sub="Nhập danh sách người lao động từ tệp Excel hoặc CSV: kiểm tra trước, nhập sau">
        <span id="staff-imp-title">Nhập danh sách người lao động</span>
      </PageTitle>
      <form className="panel action-form" onSubmit={submit} aria-labelledby={`${inputId}-title`} data-testid="staff-import-form" noValidate>
        <h2 id={`${inputId}-title`}>Chọn tệp danh sách</h2>
        <p className="muted small">
          Tệp Excel (.xlsx) hoặc CSV, tối đa 20 MB, có dòng tiêu đề: Họ và tên, Giới tính (bắt buộc); Số CCCD, Ngày sinh (bắt buộc với người mới); Công việc,
          Loại hợp đồng lao động, Số điện thoại. Người đã có trong danh sách được nhận ra theo Mã người lao động (cột cuối của tệp xuất), nếu không có thì theo
          số CCCD; tệp xuất từ trang Đoàn viên nhập lại được ngay. Các cột về đoàn viên (tình trạng, ngày kết nạp, quyết định, ngày và lý do ra khỏi tổ chức, tổ
          công đoàn) chỉ để đối chiếu: dòng ghi khác sổ đoàn viên bị từ chối.
        </p>
        <div className="field">
          <label htmlFor={inputId}>Tệp</label>
          <input
            ref={fileRef}
            id={inputId}
            name="file"
            type="file"
            accept={ACCEPT}
            data-testid="staff-import-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
            }}
          />
        </div>
        <ErrorBox error={act.error} />
        {act.done && <Notice>{act.done}</Notice>}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={act.busy !== null} data-testid="staff-import-check">
            {act.busy === 'check' ? 'Đang kiểm tra tệp…' : 'Kiểm tra tệp'}
          </button>
          {result && !result.applied && result.toCreate + result.toUpdate > 0 && (
            <button
              type="button"
              className="btn btn-primary"
              disabled={act.busy !== null}
              data-testid="staff-import-apply"
              onClick={() =>
                act.run('apply', async () => {
                  const r = await send(true);
                  return `Đã nhập: thêm ${fmtNumber(r.toCreate)}, cập nhật ${fmtNumber(r.toUpdate)} người`;
                })
              }
            >
              {act.busy === 'apply' ? 'Đang nhập…' : 'Nhập vào danh sách'}
            </button>
          )}
          {result && result.refused > 0 && (
            <button
              type="button"
              className="btn btn-secondary"
              disabled={act.busy !== null}
              data-testid="staff-import-refused"
              onClick={() =>
                act.run('refused', async () => {
                  const form = new FormData();
                  form.append('file', file!, file!.name);
                  form.append('grassrootsUnionId', me.orgUnit.id);
                  return `Đã tải về ${await downloadWithToken('/imports/staff/refused.xlsx', 'danh-sach-bi-tu-choi.xlsx', form)}`;
                })
              }
            >
              Tải các dòng bị từ chối
            </button>
          )}
        </div>
      </form>
      {result && <StaffImportRows result={result} />}
    </section>
  );
}

function StaffImportRows({ result: r }: { result: StaffImportResult }) {
  return (
    <section aria-labelledby="staff-rows-title" data-testid="staff-import-result">
      <h2 id="staff-rows-title">{r.applied ? 'Kết quả nhập' : 'Kết quả kiểm tra (chưa nhập)'}</h2>
      <p data-testid="staff-import-counts">
        {fmtNumber(r.totalRows)} dòng: thêm mới {fmtNumber(r.toCreate)}, cập nhật {fmtNumber(r.toUpdate)}, không đổi {fmtNumber(r.unchanged)}, bị từ chối{' '}
        {fmtNumber(r.refused)}.
      </p>
      <div className="table-wrap">
        <table className="stack-table" data-testid="staff-import-rows">
          <thead>
            <tr>
              <th scope="col" className="num">
                Dòng
              </th>
              <th scope="col">Kết quả</th>
              <th scope="col">Họ và tên</th>
              <th scope="col">Số CCCD</th>
              <th scope="col">Chi tiết</th>
            </tr>
          </thead>
          <tbody>
            {r.rows.map((row) => (
              <tr key={row.rowNumber} data-testid="staff-import-row" data-action={row.action} className={row.action === 'REFUSED' ? 'row-refused' : undefined}>
                <td data-label="Dòng" className="num">
                  {fmtNumber(row.rowNumber)}
                </td>
                <td data-label="Kết quả">
                  <span className={`badge badge-import-${row.action.toLowerCase()}`}>{IMPORT_ACTION_LABEL[row.action]}</span>
                </td>
                <td data-label="Họ và tên">{row.fullName ?? '—'}</td>
                <td data-label="Số CCCD">{row.citizenId ?? '—'}</td>
                <td data-label="Chi tiết">
                  {row.errors.length > 0 ? (
                    <ul className="row-errors">
                      {row.errors.map((e, i) => (
                        <li key={i}>
                          {e.column && <strong>Cột «{e.column}»: </strong>}
                          {e.message}
                        </li>
                      ))}
                    </ul>
                  ) : row.changedFields.length > 0 ? (
                    <span>Thay đổi: {row.changedFields.map((f) => FIELD_LABEL[f] ?? f).join(', ')}</span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
