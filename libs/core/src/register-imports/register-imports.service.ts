import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName } from '@app/queue';
import { Actor, Role, canSeeUnit, pathInSubtree, subtreeLike } from '../common/actor';
import { AppError, ErrorCode, badInput, forbidden } from '../common/app-error';
import { RULE } from '../common/messages-vi';
import { Page, checkFirst, decodeCursor, encodeCursor } from '../common/pagination';
import { SqlParams } from '../common/sql-params';
import { CalendarService } from '../calendar/calendar.service';
import { writeOutbox } from '../outbox/outbox.writer';
import { cleanFileName } from '../common/file-names';
import { Slots } from '../common/slots';
import { NOT_FOUND_MESSAGE, importConflict } from './register-import-errors';
import { refusedRowsFile } from './refused-rows-file';
import { DryRunResult, RefusedRowsFile, RegisterImportRowView, RegisterImportView } from './register-import.types';
import { ImportRowAction, RegisterImportStatus } from './register-fields';
import { runDryRun } from './register-import-dry-run';

const VIEW_COLUMNS = `i.id, i.kind, i.file_name AS "fileName", i.status, i.org_unit_id AS "orgUnitId", i.created_by AS "createdById",
  i.created_at AS "createdAt", i.sheet_name AS "sheetName", i.total_rows AS "totalRows", i.to_create AS "toCreate", i.to_update AS "toUpdate",
  i.unchanged, i.refused, i.applied_rows AS "appliedRows", i.applied_created AS "appliedCreated", i.applied_updated AS "appliedUpdated",
  i.applied_unchanged AS "appliedUnchanged", i.applied_skipped AS "appliedSkipped", i.error`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Dry runs side by side in one API process: each holds a file and its parsed rows in memory. */
const MAX_CONCURRENT_DRY_RUNS = 2;
export const IMPORT_KIND_ENTERPRISE = 'enterprise';

/**
 * Imports of the enterprise register (danh sách doanh nghiệp) from an office's XLSX or CSV, in two steps:
 * the dry run (`dryRun`: reads the file with the import machinery, compares every row with the register by
 * tax code, stores the import VALIDATED with its rows, changes nothing in `enterprise`), then `confirm`, which
 * moves it to APPLYING and writes the APPLY_REGISTER_IMPORT job to the outbox; the worker applies it
 * (RegisterImportApplyService). Scope: officers import into and read the imports of their own unit,
 * supervisors their subtree, admins everything; the enterprises a file may update are those the caller may
 * act on (officers: its unit's; supervisors: its subtree's; admins: any).
 */
@Injectable()
export class RegisterImportsService {
  private readonly slots = new Slots(MAX_CONCURRENT_DRY_RUNS);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  static canRead(actor: Actor, unit: { id: string; path: string }): boolean {
    if (actor.role === Role.OFFICER) return unit.id === actor.orgUnitId;
    return canSeeUnit(actor, unit.path);
  }

  /** An existing enterprise the caller may update (as EnterprisesService.getVisible sees it). */
  static canUpdate(actor: Actor, e: { orgUnitId: string; unitPath: string }): boolean {
    if (actor.role === Role.ADMIN) return true;
    if (actor.role === Role.OFFICER) return e.orgUnitId === actor.orgUnitId;
    return pathInSubtree(e.unitPath, actor.orgPath);
  }

  /** The unit a caller imports into: visible (else NOT_FOUND), its own for an officer (else FORBIDDEN), one that keeps a register. */
  private async targetUnit(actor: Actor, orgUnitId: string | null | undefined): Promise<{ id: string; path: string }> {
    const id = orgUnitId?.trim() || actor.orgUnitId;
    const [unit] = UUID.test(id) ? await this.db.query(`SELECT id, kind, path FROM org_unit WHERE id = $1`, [id]) : [];
    if (!unit || !canSeeUnit(actor, unit.path)) throw new AppError(ErrorCode.NOT_FOUND, 'Không tìm thấy đơn vị');
    if (actor.role === Role.OFFICER && unit.id !== actor.orgUnitId) {
      throw forbidden('Cán bộ chỉ được nhập danh sách doanh nghiệp của đơn vị mình');
    }
    if (unit.kind !== 'UPPER_LEVEL' && unit.kind !== 'FEDERATION') {
      throw badInput({ orgUnitId: 'Chỉ nhập được danh sách doanh nghiệp cho công đoàn cấp trên hoặc liên đoàn lao động' });
    }
    return unit;
  }

  /**
   * The dry run: a file refused as a whole answers `{ ok: false, errors }` and stores nothing; otherwise the
   * import and its classified rows are stored (VALIDATED) in one transaction (runDryRun). Nothing in `enterprise` changes.
   */
  async dryRun(actor: Actor, upload: { buffer: Buffer; fileName: string | null; orgUnitId?: string | null }): Promise<DryRunResult> {
    const unit = await this.targetUnit(actor, upload.orgUnitId);
    return this.slots.run(() =>
      runDryRun(this.db, {
        actor,
        orgUnitId: unit.id,
        kind: IMPORT_KIND_ENTERPRISE,
        fileName: cleanFileName(upload.fileName),
        buffer: upload.buffer,
        canUpdate: (e) => RegisterImportsService.canUpdate(actor, e),
        today: this.calendar.today(),
      }),
    );
  }

  /** An import the caller may read, else NOT_FOUND (an id outside the scope is not revealed). */
  async get(actor: Actor, id: string): Promise<RegisterImportView> {
    const [row] = UUID.test(id)
      ? await this.db.query(`SELECT ${VIEW_COLUMNS}, o.path AS "unitPath" FROM register_import i JOIN org_unit o ON o.id = i.org_unit_id WHERE i.id = $1`, [id])
      : [];
    if (!row || !RegisterImportsService.canRead(actor, { id: row.orgUnitId, path: row.unitPath })) throw new AppError(ErrorCode.NOT_FOUND, NOT_FOUND_MESSAGE);
    delete row.unitPath;
    return row as RegisterImportView;
  }

  /** The imports of the caller's scope, newest first. */
  async list(actor: Actor, first?: number | null, after?: string | null): Promise<Page<RegisterImportView>> {
    const limit = checkFirst(first ?? 20);
    const cursor = decodeCursor(after, 2);
    const p = new SqlParams();
    const where: string[] = [];
    if (actor.role === Role.OFFICER) where.push(`i.org_unit_id = ${p.add(actor.orgUnitId)}`);
    else if (actor.role === Role.SUPERVISOR) {
      where.push(`i.org_unit_id IN (SELECT id FROM org_unit WHERE path = ${p.add(actor.orgPath)} OR path LIKE ${p.add(subtreeLike(actor.orgPath))})`);
    }
    const countParams = [...p.values];
    const countWhere = where.length ? `WHERE ${where.join(' AND ')}` : '';
    if (cursor) {
      if (!UUID.test(String(cursor[1]))) throw badInput({ after: RULE.badCursor() });
      where.push(`(i.created_at, i.id) < (${p.add(cursor[0])}::timestamptz, ${p.add(cursor[1])}::uuid)`);
    }
    const rows: (RegisterImportView & { createdAtKey: string })[] = await this.db.query(
      `SELECT ${VIEW_COLUMNS}, i.created_at::text AS "createdAtKey" FROM register_import i ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY i.created_at DESC, i.id DESC LIMIT ${limit + 1}`,
      p.values,
    );
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM register_import i ${countWhere}`, countParams);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      nodes: page.map(({ createdAtKey: _, ...view }) => view),
      totalCount: n,
      pageInfo: { endCursor: last ? encodeCursor([last.createdAtKey, last.id]) : null, hasNextPage: rows.length > limit },
    };
  }

  /** An import's rows in file order, optionally of one action (the import was read in scope already). */
  async rows(imp: RegisterImportView, action?: ImportRowAction | null, first?: number | null, after?: string | null): Promise<Page<RegisterImportRowView>> {
    const limit = checkFirst(first ?? 100);
    const cursor = decodeCursor(after, 1);
    const from = cursor ? Number(cursor[0]) : 0;
    if (!Number.isInteger(from)) throw badInput({ after: RULE.badCursor() });
    const p = new SqlParams();
    const where = [`r.import_id = ${p.add(imp.id)}`, `r.row_number > ${p.add(from)}`];
    if (action) where.push(`r.action = ${p.add(action)}`);
    const rows: RegisterImportRowView[] = await this.db.query(
      `SELECT r.row_number AS "rowNumber", r.action, r.tax_code AS "taxCode", r.name, r.changed_fields AS "changedFields", r.errors, r.applied
         FROM register_import_row r WHERE ${where.join(' AND ')} ORDER BY r.row_number LIMIT ${limit + 1}`,
      p.values,
    );
    const totals: Record<ImportRowAction, number> = {
      [ImportRowAction.CREATE]: imp.toCreate,
      [ImportRowAction.UPDATE]: imp.toUpdate,
      [ImportRowAction.UNCHANGED]: imp.unchanged,
      [ImportRowAction.REFUSED]: imp.refused,
    };
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      nodes: page,
      totalCount: action ? totals[action] : imp.totalRows,
      pageInfo: { endCursor: last ? encodeCursor([String(last.rowNumber)]) : null, hasNextPage: rows.length > limit },
    };
  }

  /**
   * VALIDATED (or FAILED: applying again what is left) → APPLYING, and the worker's job, in one transaction.
   * Confirming an import that is applying, applied or cancelled answers CONFLICT and changes nothing.
   */
  async confirm(actor: Actor, id: string): Promise<RegisterImportView> {
    const current = await this.get(actor, id);
    if (actor.role === Role.OFFICER) {
      // A supervisor's dry run of the officer's unit may update enterprises of the units below it: not the officer's to apply.
      const [beyond] = await this.db.query(
        `SELECT 1 FROM register_import_row r JOIN enterprise e ON e.id = r.enterprise_id
          WHERE r.import_id = $1 AND r.action = '${ImportRowAction.UPDATE}' AND e.org_unit_id <> $2 LIMIT 1`,
        [current.id, actor.orgUnitId],
      );
      if (beyond) throw forbidden('Lần nhập này cập nhật doanh nghiệp của đơn vị khác: cần cán bộ giám sát xác nhận');
    }
    await this.db.transaction(async (m) => {
      const updated = await m.query(
        `UPDATE register_import SET status = '${RegisterImportStatus.APPLYING}', confirmed_by = $2, confirmed_at = now(), error = NULL
          WHERE id = $1 AND status IN ('${RegisterImportStatus.VALIDATED}', '${RegisterImportStatus.FAILED}') RETURNING id`,
        [current.id, actor.userId],
      );
      if (!updated[0]?.length) throw await importConflict(m.query.bind(m), current.id, 'confirm');
      await writeOutbox(m, JobName.APPLY_REGISTER_IMPORT, { importId: current.id });
    });
    return this.get(actor, id);
  }

  /** VALIDATED → CANCELLED; any other status answers CONFLICT. */
  async cancel(actor: Actor, id: string): Promise<RegisterImportView> {
    const current = await this.get(actor, id);
    const updated = await this.db.query(
      `UPDATE register_import SET status = '${RegisterImportStatus.CANCELLED}', finished_at = now() WHERE id = $1 AND status = '${RegisterImportStatus.VALIDATED}' RETURNING id`,
      [current.id],
    );
    if (!updated[0]?.length) throw await importConflict((sql, params) => this.db.query(sql, params), current.id, 'cancel');
    return this.get(actor, id);
  }

  /** The refused rows as an XLSX to correct and import again: row number, the cells as read, and the reasons (“Lý do”). */
  async refusedFile(actor: Actor, id: string): Promise<RefusedRowsFile> {
    const imp = await this.get(actor, id);
    return refusedRowsFile(this.db, imp);
  }
}
