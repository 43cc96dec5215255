import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ENTERPRISE_HEADINGS } from '../imports';
import { CalendarService } from '../calendar/calendar.service';
import { ImportRowAction, OUT_OF_SCOPE_MESSAGE, REGISTER_FIELDS, RegisterFieldSpec, RegisterImportStatus, keptColumnMessage } from './register-fields';

/** Rows per transaction of the worker. */
export const APPLY_BATCH_ROWS = 1_000;
/** The worker-count history of the register (another migration adds it); written only where it exists. */
export const WORKER_COUNT_HISTORY_TABLE = 'enterprise_worker_count';

export const APPLY_FAILED_MESSAGE =
  'Lỗi hệ thống khi ghi vào danh sách doanh nghiệp: các dòng đã ghi được giữ nguyên, các dòng còn lại sẽ được ghi khi thử lại';
const RACED_CREATE_MESSAGE = 'Doanh nghiệp đã được thêm vào danh sách sau khi kiểm tra tệp: cập nhật thay vì thêm mới';
const GONE_MESSAGE = 'Doanh nghiệp không còn trong danh sách: bỏ qua dòng này';

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** A field's value stored in a jsonb object, cast back to the column's type. */
const jsonValue = (json: string, f: RegisterFieldSpec) => `(${json}->>${lit(f.key)})::${f.sqlType}`;
const field = (key: string) => REGISTER_FIELDS.find((f) => f.key === key)!;
/**
 * The batch's rows of register_import_row `r`: $2 holds their row numbers in order. The range lets the planner
 * probe the primary key (import_id, row_number) for just the batch instead of filtering every row of the import.
 */
const inBatch = (r: string) =>
  `${r}.import_id = $1 AND ${r}.row_number BETWEEN ($2::int[])[1] AND ($2::int[])[cardinality($2::int[])] AND ${r}.row_number = ANY($2::int[])`;

/**
 * Statements of one batch. $1 = import id, $2 = the batch's row numbers (int[]); further parameters per
 * statement. Every statement is set-based over the batch's rows.
 */
export const APPLY_SQL = {
  /**
   * New enterprises, returning their ids (and their worker-count history rows); a tax code another writer took
   * since the dry run is left to RACED_CREATES (ON CONFLICT DO NOTHING). $3 = the unit.
   */
  creates(history: boolean): string {
    const cols = REGISTER_FIELDS.map((f) => f.column).join(', ');
    const vals = REGISTER_FIELDS.map((f) => (f.key === 'hasUnion' ? `coalesce(${jsonValue('r."values"', f)}, false)` : jsonValue('r."values"', f))).join(', ');
    return `WITH ins AS (
      INSERT INTO enterprise (tax_code, ${cols}, org_unit_id)
      SELECT r.tax_code, ${vals}, $3::uuid
        FROM register_import_row r
       WHERE ${inBatch('r')} AND r.action = '${ImportRowAction.CREATE}' AND NOT r.applied
       ORDER BY r.row_number
      ON CONFLICT (tax_code) DO NOTHING
      RETURNING id, worker_count, surveyed_on
    )${history ? `, hist AS (${historyInsert('SELECT ins.id, ins.worker_count, coalesce(ins.surveyed_on, $4::date) FROM ins')})` : ''}
    SELECT id FROM ins`;
  },

  /** The CREATE rows of the enterprises just inserted ($3: their ids), applied. */
  created: `UPDATE register_import_row r SET enterprise_id = e.id, applied = true
      FROM enterprise e
     WHERE ${inBatch('r')} AND r.action = '${ImportRowAction.CREATE}' AND NOT r.applied AND e.tax_code = r.tax_code AND e.id = ANY($3::uuid[])`,

  /**
   * CREATE rows whose tax code an enterprise of the import's unit took since the dry run: treated as updates of
   * it (the columns the file changes, against its values now). $3 = the unit, $4 = the notice.
   */
  racedCreates(): string {
    const snapshot = REGISTER_FIELDS.map((f) => `${lit(f.key)}, e.${f.column}`).join(', ');
    const changed = REGISTER_FIELDS.map(
      (f) => `CASE WHEN r."values" ? ${lit(f.key)} AND e.${f.column} IS DISTINCT FROM ${jsonValue('r."values"', f)} THEN ${lit(f.key)} END`,
    ).join(', ');
    return `UPDATE register_import_row r SET enterprise_id = e.id, before = jsonb_build_object(${snapshot}),
        changed_fields = array_remove(ARRAY[${changed}]::text[], NULL),
        errors = r.errors || jsonb_build_array(jsonb_build_object('column', NULL, 'message', $4::text))
      FROM enterprise e
     WHERE ${inBatch('r')} AND r.action = '${ImportRowAction.CREATE}' AND NOT r.applied
       AND e.tax_code = r.tax_code AND e.org_unit_id = $3::uuid`;
  },

  /** The enterprises the batch updates, locked in id order (two imports never wait on each other in a cycle). */
  lock: `SELECT count(*)::int AS n FROM (
      SELECT e.id FROM enterprise e
       WHERE e.id IN (SELECT r.enterprise_id FROM register_import_row r WHERE ${inBatch('r')} AND NOT r.applied)
       ORDER BY e.id FOR UPDATE OF e) locked`,

  /**
   * The updates, with the enterprises locked: a column changes only if the file changes it and it still holds
   * its value of the dry run. No UPDATE where nothing differs (updated_at stays). History rows for worker counts
   * set. $3 = today (counted_on default), $4 = file name, $5 = who (only with the history table).
   */
  updates(history: boolean): string {
    const flags = REGISTER_FIELDS.map((f) => {
      const cur = `e.${f.column}`;
      return `(${lit(f.key)} = ANY(r.changed_fields) AND ${cur} IS NOT DISTINCT FROM ${jsonValue('r.before', f)} AND ${cur} IS DISTINCT FROM ${jsonValue('r."values"', f)}) AS "set_${f.key}"`;
    }).join(',\n              ');
    const sets = REGISTER_FIELDS.map((f) => `${f.column} = CASE WHEN p."set_${f.key}" THEN ${jsonValue('p.v', f)} ELSE e.${f.column} END`).join(', ');
    const any = REGISTER_FIELDS.map((f) => `p."set_${f.key}"`).join(' OR ');
    const wc = field('workerCount');
    return `WITH plan AS (
      SELECT e.id AS enterprise_id, r."values" AS v,
              ${flags}
        FROM register_import_row r JOIN enterprise e ON e.id = r.enterprise_id
       WHERE ${inBatch('r')} AND NOT r.applied
    ), upd AS (
      UPDATE enterprise e SET ${sets}, updated_at = now()
        FROM plan p WHERE e.id = p.enterprise_id AND (${any})
      RETURNING e.id
    )${history ? `, hist AS (${historyInsert(`SELECT p.enterprise_id, ${jsonValue('p.v', wc)}, coalesce(${jsonValue('p.v', field('surveyedOn'))}, $3::date) FROM plan p WHERE p."set_workerCount"`, 4)})` : ''}
    SELECT count(*)::int AS updated FROM upd`;
  },

  /**
   * After the updates: the batch's rows of existing enterprises applied, each with a notice for every column it
   * changes that still differs from the file, i.e. one a user changed since the dry run (kept as the user set it).
   */
  marks(): string {
    const notices = REGISTER_FIELDS.map(
      (f, i) => `(${i}, CASE WHEN ${lit(f.key)} = ANY(r.changed_fields) AND e.${f.column} IS DISTINCT FROM ${jsonValue('r."values"', f)}
        THEN jsonb_build_object('column', ${lit(f.heading)}, 'message', ${lit(keptColumnMessage(f.heading))}) END)`,
    ).join(',\n        ');
    return `UPDATE register_import_row r SET applied = true,
        errors = r.errors || (SELECT coalesce(jsonb_agg(n.x ORDER BY n.i), '[]'::jsonb) FROM (VALUES ${notices}) n(i, x) WHERE n.x IS NOT NULL)
      FROM enterprise e
     WHERE ${inBatch('r')} AND NOT r.applied AND e.id = r.enterprise_id`;
  },

  /** What is left of the batch: a raced tax code of another unit, or an enterprise deleted since the dry run. $3..$5: column, messages. */
  leftovers: `UPDATE register_import_row r SET applied = true,
      errors = r.errors || jsonb_build_array(jsonb_build_object('column', $3::text,
        'message', CASE WHEN r.action = '${ImportRowAction.CREATE}' THEN $4::text ELSE $5::text END))
    WHERE ${inBatch('r')} AND NOT r.applied`,
};

/**
 * INSERT of worker-count history rows from `select` (enterprise id, worker count, counted on): source IMPORT,
 * the file name as note, the confirming user. Parameters: $first = file name, $first+1 = user.
 */
function historyInsert(select: string, first = 5): string {
  return `INSERT INTO ${WORKER_COUNT_HISTORY_TABLE} (enterprise_id, worker_count, counted_on, source, note, recorded_by, recorded_at)
    SELECT h.enterprise_id, h.worker_count, h.counted_on, 'IMPORT', $${first}::text, $${first + 1}::uuid, now()
      FROM (${select}) AS h(enterprise_id, worker_count, counted_on)`;
}

type BatchOutcome = { done: true; status: string } | { done: false; lastRow: number };

/**
 * The worker's side of a register import (job APPLY_REGISTER_IMPORT): the unapplied rows to create or update,
 * in batches of APPLY_BATCH_ROWS, each batch one transaction under the import's row lock (a second delivery of
 * the job waits, then finds the rows applied). Each batch marks its rows applied and adds to `applied_rows` in
 * the same transaction, so a job that fails half-way (status FAILED, rethrown for BullMQ to retry) continues
 * from the rows left and doubles nothing; when no row is left the import is APPLIED.
 */
@Injectable()
export class RegisterImportApplyService {
  private readonly logger = new Logger('RegisterImports');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  async apply(importId: string, batchRows = APPLY_BATCH_ROWS): Promise<{ status: string }> {
    const [{ present }] = await this.db.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [WORKER_COUNT_HISTORY_TABLE]);
    const today = this.calendar.today();
    let after = 0;
    for (;;) {
      let outcome: BatchOutcome;
      try {
        outcome = await this.db.transaction((m) => this.batch(m, importId, after, batchRows, present, today));
      } catch (e) {
        this.logger.error(`register import ${importId}: ${(e as Error).message}`);
        await this.db.query(
          `UPDATE register_import SET status = '${RegisterImportStatus.FAILED}', error = $2 WHERE id = $1 AND status = '${RegisterImportStatus.APPLYING}'`,
          [importId, APPLY_FAILED_MESSAGE],
        );
        throw e;
      }
      if (outcome.done) return { status: outcome.status };
      after = outcome.lastRow;
    }
  }

  private async batch(m: EntityManager, importId: string, after: number, batchRows: number, history: boolean, today: string): Promise<BatchOutcome> {
    const [imp] = await m.query(
      `SELECT id, org_unit_id, status, file_name, coalesce(confirmed_by, created_by) AS recorded_by FROM register_import WHERE id = $1 FOR UPDATE`,
      [importId],
    );
    if (!imp) return { done: true, status: 'NOT_FOUND' };
    if (imp.status !== RegisterImportStatus.APPLYING && imp.status !== RegisterImportStatus.FAILED) return { done: true, status: imp.status };
    if (imp.status === RegisterImportStatus.FAILED) {
      await m.query(`UPDATE register_import SET status = '${RegisterImportStatus.APPLYING}', error = NULL WHERE id = $1`, [importId]);
    }
    const rows: { row_number: number }[] = await m.query(
      `SELECT row_number FROM register_import_row
        WHERE import_id = $1 AND row_number > $2 AND NOT applied AND action IN ('${ImportRowAction.CREATE}', '${ImportRowAction.UPDATE}')
        ORDER BY row_number LIMIT $3`,
      [importId, after, batchRows],
    );
    if (!rows.length) {
      await m.query(`UPDATE register_import SET status = '${RegisterImportStatus.APPLIED}', finished_at = now(), error = NULL WHERE id = $1`, [importId]);
      return { done: true, status: RegisterImportStatus.APPLIED };
    }
    const numbers = rows.map((r) => r.row_number);
    const who = history ? [imp.file_name, imp.recorded_by] : [];
    const created: { id: string }[] = await m.query(APPLY_SQL.creates(history), [importId, numbers, imp.org_unit_id, ...(history ? [today, ...who] : [])]);
    if (created.length) await m.query(APPLY_SQL.created, [importId, numbers, created.map((c) => c.id)]);
    await m.query(APPLY_SQL.racedCreates(), [importId, numbers, imp.org_unit_id, RACED_CREATE_MESSAGE]);
    await m.query(APPLY_SQL.lock, [importId, numbers]);
    await m.query(APPLY_SQL.updates(history), [importId, numbers, ...(history ? [today, ...who] : [])]);
    await m.query(APPLY_SQL.marks(), [importId, numbers]);
    await m.query(APPLY_SQL.leftovers, [importId, numbers, ENTERPRISE_HEADINGS.taxCode, OUT_OF_SCOPE_MESSAGE, GONE_MESSAGE]);
    await m.query(`UPDATE register_import SET applied_rows = applied_rows + $2 WHERE id = $1`, [importId, numbers.length]);
    return { done: false, lastRow: numbers[numbers.length - 1] };
  }
}
