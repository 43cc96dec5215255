import { Injectable } from '@nestjs/common';
import { ReadDb } from '@app/persistence';
import { DataSource } from 'typeorm';
import { Actor } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { RawRow } from '../common/prepared-sql';
import { SqlParams } from '../common/sql-params';
import { CalendarService } from '../calendar/calendar.service';
import { ENTERPRISE_IMPORT, EnterpriseImportRow, importWorkbookBuffer } from '../imports';
import { RegisterProblems, formatCount } from './enterprise-input';
import { EnterpriseFilter, SORT_KEYS, afterCursorSql, cursorColumnsSql, orderBySql, registerQuery } from './enterprise-list';
import { columnList, importRowOf } from './enterprise-row';

/** The most rows one export writes (a register of a province is a few thousand). */
export const MAX_EXPORT_ROWS = 100_000;
const EXPORT_BATCH = 5_000;

/** The enterprise register as a spreadsheet that imports back (docs/architecture.md#imports-and-exports). */
@Injectable()
export class EnterpriseExportService {
  constructor(
    private readonly reads: ReadDb,
    private readonly calendar: CalendarService,
  ) {}

  /**
   * The register as an XLSX with the import's headings (ENTERPRISE_IMPORT), so that the file imports back
   * to the same rows: every enterprise of the filter (same checks, scope and order as `list`), read in
   * batches inside one read-only snapshot. Refused when more than MAX_EXPORT_ROWS match.
   */
  exportWorkbook(
    actor: Actor,
    filter: EnterpriseFilter = {},
    problems = new RegisterProblems(),
  ): Promise<{ body: Buffer; rows: number; filename: string; asciiFilename: string }> {
    // An export may lag a few seconds: on the read replica when there is one (docs/architecture.md#read-replica).
    return this.reads.read(actor.userId, (db) => this.exportOn(db, actor, filter, problems));
  }

  private async exportOn(
    db: DataSource,
    actor: Actor,
    filter: EnterpriseFilter,
    problems: RegisterProblems,
  ): Promise<{ body: Buffer; rows: number; filename: string; asciiFilename: string }> {
    const today = this.calendar.today();
    const qr = db.createQueryRunner();
    await qr.connect();
    try {
      await qr.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const q = await registerQuery(qr.manager, actor, filter, problems);
      problems.throwIfAny();
      const whereSql = q.where.length ? `WHERE ${q.where.join(' AND ')}` : '';
      const [{ n }] = await qr.query(`SELECT count(*)::int AS n FROM enterprise e ${whereSql}`, q.p.values);
      if (n > MAX_EXPORT_ROWS) {
        throw new AppError(
          ErrorCode.BAD_USER_INPUT,
          `Bộ lọc khớp ${formatCount(n)} doanh nghiệp, quá ${formatCount(MAX_EXPORT_ROWS)} dòng một tệp được phép: hãy thu hẹp bộ lọc`,
          { fields: [] },
        );
      }
      async function* rows(): AsyncGenerator<EnterpriseImportRow> {
        let cursor: string[] | null = null;
        for (;;) {
          const p = new SqlParams();
          p.values.push(...q.p.values);
          const conds = cursor ? [...q.where, afterCursorSql(p, q.sort, cursor)] : q.where;
          const batch: RawRow[] = await qr.query(
            `SELECT ${columnList('e')}, ${cursorColumnsSql(q.sort)} FROM enterprise e ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''}
              ORDER BY ${orderBySql(q.sort)} LIMIT ${EXPORT_BATCH}`,
            p.values,
          );
          for (const r of batch) yield importRowOf(r);
          if (batch.length < EXPORT_BATCH) return;
          const last = batch[batch.length - 1];
          cursor = SORT_KEYS[q.sort].map((_, i) => String(last[`k${i}`]));
        }
      }
      const body = await importWorkbookBuffer(ENTERPRISE_IMPORT, rows(), { sheetName: 'Sổ doanh nghiệp' });
      await qr.query('COMMIT');
      return { body, rows: n, filename: `Sổ doanh nghiệp ${today}.xlsx`, asciiFilename: `so-doanh-nghiep-${today}.xlsx` };
    } catch (e) {
      await qr.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      await qr.release();
    }
  }
}
