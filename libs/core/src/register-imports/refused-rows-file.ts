import { DataSource } from 'typeorm';
import { asciiFilename, safeFilename } from '../common/file-names';
import { ENTERPRISE_IMPORT, EnterpriseImportRow, ImportRow, refusedRowsBuffer } from '../imports';
import { ImportRowAction, JsonCell, decodeRaw } from './register-fields';
import { RefusedRowsFile, RegisterImportView } from './register-import.types';

/** The refused rows of an import as an XLSX to correct and import again: row number, the cells as read, and the reasons ("Lý do"). */
export async function refusedRowsFile(db: DataSource, imp: RegisterImportView): Promise<RefusedRowsFile> {
  const rows: {
    rowNumber: number;
    values: Record<string, unknown> | null;
    raw: Record<string, JsonCell> | null;
    errors: ImportRow<EnterpriseImportRow>['errors'];
  }[] = await db.query(
    `SELECT r.row_number AS "rowNumber", r."values", r.raw, r.errors FROM register_import_row r
          WHERE r.import_id = $1 AND r.action = '${ImportRowAction.REFUSED}' ORDER BY r.row_number`,
    [imp.id],
  );
  const importRows: ImportRow<EnterpriseImportRow>[] = rows.map((r) => ({
    rowNumber: r.rowNumber,
    values: r.values ?? {},
    raw: decodeRaw(r.raw),
    errors: r.errors,
  }));
  const body = await refusedRowsBuffer(ENTERPRISE_IMPORT, importRows, { title: `Các dòng bị từ chối của tệp ${imp.fileName}`.slice(0, 250) });
  const base = `Dòng bị từ chối - ${imp.fileName.replace(/\.(xlsx|csv|txt)$/i, '')}`;
  return { body, filename: `${safeFilename(base)}.xlsx`, asciiFilename: `${asciiFilename(base) || 'dong-bi-tu-choi'}.xlsx` };
}
