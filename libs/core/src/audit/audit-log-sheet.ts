import { Workbook } from 'exceljs';
import { auditValueLabel, changeOpLabel, columnLabel, operationLabel, tableLabel } from '@app/domain';
import type { AuditChangeView, AuditEntryView, AuditFieldChange } from './audit-log.service';

/** The longest value a cell takes (the log scrubs longer ones to their length already). */
const VALUE_MAX = 1000;

/**
 * A value's reading for the "(diễn giải)" columns: a referenced row's name, else auditValueLabel's; nothing for the
 * side a created row has not (before) or a deleted row no longer has (after).
 */
function readable(c: AuditChangeView, f: AuditFieldChange, side: 'before' | 'after'): string {
  if ((side === 'before' && c.op === 'INSERT') || (side === 'after' && c.op === 'DELETE') || !f.field) return '';
  return (side === 'before' ? f.beforeLabel : f.afterLabel) ?? auditValueLabel(c.table, f.field, f[side]);
}

/**
 * The audit log as an XLSX (docs/architecture.md#audit-log), one line per field: an update's changed fields, every
 * field of a created or deleted row. Columns A–M keep the stored codes and values, in their places for whatever reads
 * them by position; the Vietnamese readings come after them, the values' last (N–R).
 */
export async function auditLogSheet(entries: AuditEntryView[]): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('Nhật ký thay đổi');
  ws.columns = [
    { header: 'Số', key: 'id', width: 8 },
    { header: 'Thời điểm', key: 'at', width: 20, style: { numFmt: 'dd/mm/yyyy hh:mm:ss' } },
    { header: 'Người thực hiện', key: 'actor', width: 28 },
    { header: 'Vai trò', key: 'role', width: 12 },
    { header: 'Địa chỉ IP', key: 'ip', width: 16 },
    { header: 'Thao tác', key: 'operation', width: 26 },
    { header: 'Kết quả', key: 'outcome', width: 10 },
    { header: 'Bảng', key: 'table', width: 22 },
    { header: 'Mã bản ghi', key: 'rowId', width: 38 },
    { header: 'Loại thay đổi', key: 'op', width: 12 },
    { header: 'Trường', key: 'field', width: 22 },
    { header: 'Giá trị cũ', key: 'before', width: 30 },
    { header: 'Giá trị mới', key: 'after', width: 30 },
    { header: 'Thao tác (diễn giải)', key: 'operationVi', width: 36 },
    { header: 'Bảng (diễn giải)', key: 'tableVi', width: 30 },
    { header: 'Trường (diễn giải)', key: 'fieldVi', width: 30 },
    { header: 'Giá trị cũ (diễn giải)', key: 'beforeVi', width: 30 },
    { header: 'Giá trị mới (diễn giải)', key: 'afterVi', width: 30 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const e of entries) {
    const head = {
      id: Number(e.id),
      // Excel has no time zones: the wall-clock time in Vietnam.
      at: new Date(e.at.getTime() + 7 * 3600_000),
      actor: e.actorEmail ?? '',
      role: e.actorRole ?? '',
      ip: e.ip ?? '',
      operation: e.operation,
      operationVi: operationLabel(e.operation),
      outcome: e.outcome === 'OK' ? 'Thành công' : 'Bị từ chối',
    };
    const lines = e.changes.flatMap((c) =>
      (c.fields.length ? c.fields : [{ field: '', before: null, after: null }]).map((f) => ({
        table: c.table,
        tableVi: tableLabel(c.table),
        rowId: c.rowId ?? '',
        op: changeOpLabel(c.op),
        field: f.field,
        fieldVi: f.field ? columnLabel(c.table, f.field) : '',
        before: (f.before ?? '').slice(0, VALUE_MAX),
        after: (f.after ?? '').slice(0, VALUE_MAX),
        beforeVi: readable(c, f, 'before').slice(0, VALUE_MAX),
        afterVi: readable(c, f, 'after').slice(0, VALUE_MAX),
      })),
    );
    if (!lines.length) ws.addRow({ ...head, table: e.entity ?? '', tableVi: e.entity ? tableLabel(e.entity) : '', rowId: e.entityId ?? '' });
    for (const l of lines) ws.addRow({ ...head, ...l });
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
