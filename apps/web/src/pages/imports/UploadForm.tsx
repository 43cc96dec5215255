import { FormEvent, useId, useRef, useState } from 'react';
import { postForm } from '../../api';
import { ErrorBox } from '../../ui/errors';
import { FileField, SelectField } from '../../ui/fields';
import { FieldErrors, clientRefusal, useFieldRegistry } from '../../ui/form-errors';
import { useAction } from '../../ui/use-action';
import type { ImportCreated } from '../../queries-register';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/** What is wrong with a picked file before it is sent (the server checks again). */
function checkFile(file: File | null): string | undefined {
  if (!file) return 'Hãy chọn tệp XLSX hoặc CSV.';
  if (!/\.(xlsx|csv)$/i.test(file.name)) return 'Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).';
  if (file.size > MAX_IMPORT_BYTES) return 'Tệp vượt quá 20 MB.';
  if (file.size === 0) return 'Tệp rỗng.';
  return undefined;
}

/**
 * Step 1 of an import: the file goes to POST /imports/enterprises (multipart, with the token), which
 * checks every row and stores the dry run; nothing changes in the register yet. A file the server
 * refuses as a whole (400, 413) shows its Vietnamese message.
 */
export function UploadForm(p: { units: { value: string; label: string }[] | null; defaultUnit: string; onUploaded: (created: ImportCreated) => void }) {
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  // The default follows the page's (which waits for the unit list) until a unit is picked.
  const [picked, setOrgUnitId] = useState<string | null>(null);
  const orgUnitId = picked ?? p.defaultUnit;
  const upload = useAction();
  const fields = useFieldRegistry();
  const busy = upload.busy !== null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const refused = clientRefusal(fields);
    if (refused) return upload.fail(refused);
    await upload.run(true, async () => {
      const form = new FormData();
      form.append('file', file!, file!.name);
      if (orgUnitId) form.append('orgUnitId', orgUnitId);
      const created = await postForm<ImportCreated>('/imports/enterprises', form);
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
      p.onUploaded(created);
    });
  };

  return (
    <form className="panel action-form" onSubmit={submit} aria-labelledby={`${inputId}-title`} data-testid="form-import-upload" noValidate>
      <h2 id={`${inputId}-title`}>Chọn tệp danh sách doanh nghiệp</h2>
      <p className="muted small">
        Tệp Excel (.xlsx) hoặc CSV, tối đa 20 MB, có dòng tiêu đề: Tên doanh nghiệp, Mã số thuế, Số lao động (bắt buộc); Địa chỉ, Huyện/Xã, Ngành, Loại hình, Đã
        có công đoàn, Ngày đếm lao động. Tệp xuất từ sổ doanh nghiệp nhập lại được ngay.
      </p>
      <FieldErrors error={upload.error} fields={fields}>
        <div data-testid={upload.error ? 'import-refusal' : undefined}>
          <ErrorBox error={upload.error} reveal />
        </div>
        <FileField label="Tệp" name="file" accept={ACCEPT} inputRef={fileRef} testId="import-file" onChange={setFile} check={() => checkFile(file)} />
        {p.units && p.units.length > 1 && (
          <SelectField label="Nhập vào đơn vị" name="orgUnitId" value={orgUnitId} onChange={setOrgUnitId} testId="import-unit" options={p.units} />
        )}
      </FieldErrors>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy} data-testid="import-submit">
          {busy ? 'Đang kiểm tra tệp…' : 'Kiểm tra tệp'}
        </button>
      </div>
    </form>
  );
}
