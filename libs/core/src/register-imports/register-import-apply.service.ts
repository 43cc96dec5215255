import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ENTERPRISE_HEADINGS } from '../imports';
import { CalendarService } from '../calendar/calendar.service';
import { ImportRowAction, OUT_OF_SCOPE_MESSAGE, REGISTER_FIELDS, RegisterFieldSpec, RegisterImportStatus, keptColumnMessage } from './register-fields';

/** Rows per transaction of the worker: large enough that a statement's fixed cost is small beside its rows, small enough for progress. */
export const APPLY_BATCH_ROWS = 5_000;
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
 * The batch's rows of register_import_row `r`: the unapplied CREATE and UPDATE rows numbered in ($2, $3]. A range
 * on the primary key (import_id, row_number), so each statement reads just the batch (no per-row array lookup).
 */
const inBatch = (r: string) =>
  `${r}.import_id = $1 AND ${r}.row_number > $2 AND ${r}.row_number <= $3 AND ${r}.action IN ('${ImportRowAction.CREATE}', '${ImportRowAction.UPDATE}') AND NOT ${r}.applied`;

/**
 * Statements of one batch. $1 = import id, $2 and $3 = the batch's row-number range; further parameters per
 * statement. Every statement is set-based over the batch's rows.
 */
export const APPLY_SQL = {
  /** The batch: the last row number of the next `$3` unapplied rows after `$2`, and how many they are. */
  next: `SELECT max(row_number)::int AS last, count(*)::int AS n FROM (
      SELECT row_number FROM register_import_row
       WHERE import_id = $1 AND row_number > $2 AND NOT applied AND action IN ('${ImportRowAction.CREATE}', '${ImportRowAction.UPDATE}')
       ORDER BY row_number LIMIT $3) b`,

  /**
   * New enterprises with the ids the dry run chose for them (and their worker-count history rows); a tax code
   * another writer took since the dry run is left to racedCreates (ON CONFLICT DO NOTHING). $4 = the unit; with
   * history $5 = today (counted_on default), $6 = file name, $7 = who.
   */
  creates(history: boolean): string {
    const cols = REGISTER_FIELDS.map((f) => f.column).join(', ');
    const vals = REGISTER_FIELDS.map((f) => (f.key === 'hasUnion' ? `coalesce(${jsonValue('r."values"', f)}, false)` : jsonValue('r."values"', f))).join(', ');
    return `WITH ins AS (
      INSERT INTO enterprise (id, tax_code, ${cols}, org_unit_id)
      SELECT r.enterprise_id, r.tax_code, ${vals}, $4::uuid
        FROM register_import_row r
       WHERE ${inBatch('r')} AND r.action = '${ImportRowAction.CREATE}'
       ORDER BY r.row_number
      ON CONFLICT (tax_code) DO NOTHING
      RETURNING id, worker_count, surveyed_on
    )${history ? `, hist AS (${historyInsert('SELECT ins.id, ins.worker_count, coalesce(ins.surveyed_on, $5::date) FROM ins', 6)})` : ''}
    SELECT count(*)::int AS created FROM ins`;
  },

  /** The CREATE rows whose enterprise was just inserted (under the id they carry), applied. */
  created: `UPDATE register_import_row r SET applied = true
      FROM enterprise e
     WHERE ${inBatch('r')} AND r.action = '${ImportRowAction.CREATE}' AND e.id = r.enterprise_id`,

  /**
   * CREATE rows whose tax code an enterprise of the import's unit took since the dry run: treated as updates of
   * it (the columns the file changes, against its values now). $4 = the unit, $5 = the notice.
   */
  racedCreates(): string {
    const snapshot = REGISTER_FIELDS.map((f) => `${lit(f.key)}, e.${f.column}`).join(', ');
    const changed = REGISTER_FIELDS.map(
      (f) => `CASE WHEN r."values" ? ${lit(f.key)} AND e.${f.column} IS DISTINCT FROM ${jsonValue('r."values"', f)} THEN ${lit(f.key)} END`,
    ).join(', ');
    return `UPDATE register_import_row r SET enterprise_id = e.id, before = jsonb_build_object(${snapshot}),
        changed_fields = array_remove(ARRAY[${changed}]::text[], NULL),
        errors = r.errors || jsonb_build_array(jsonb_build_object('column', NULL, 'message', $5::text))
      FROM enterprise e
     WHERE ${inBatch('r')} AND r.action = '${ImportRowAction.CREATE}' AND e.tax_code = r.tax_code AND e.org_unit_id = $4::uuid`;
  },

  /**
   * The updates and their rows applied, in one statement. The plan locks the enterprises in id order (two imports
   * never wait on each other in a cycle) and, FOR UPDATE under READ COMMITTED, reads each as its latest version
   * (a user's edit committed meanwhile is seen, not overwritten). A column changes only if
   * the file changes it and it still holds its value of the dry run. No UPDATE where nothing differs (updated_at
   * stays). Each row gets a notice for every column it changes that still differs from the file and is not set
   * now, i.e. one a user changed since the dry run (kept as the user set it). History rows for worker counts set.
   * With history: $4 = today (counted_on default), $5 = file name, $6 = who.
   */
  updates(history: boolean): string {
    const flags = REGISTER_FIELDS.map((f) => {
      const cur = `e.${f.column}`;
      return `(${lit(f.key)} = ANY(r.changed_fields) AND ${cur} IS NOT DISTINCT FROM ${jsonValue('r.before', f)} AND ${cur} IS DISTINCT FROM ${jsonValue('r."values"', f)}) AS "set_${f.key}",
              (${lit(f.key)} = ANY(r.changed_fields) AND ${cur} IS DISTINCT FROM ${jsonValue('r."values"', f)}) AS "differs_${f.key}"`;
    }).join(',\n              ');
    const sets = REGISTER_FIELDS.map((f) => `${f.column} = CASE WHEN p."set_${f.key}" THEN ${jsonValue('p.v', f)} ELSE e.${f.column} END`).join(', ');
    const any = REGISTER_FIELDS.map((f) => `p."set_${f.key}"`).join(' OR ');
    const notices = REGISTER_FIELDS.map(
      (f, i) => `(${i}, CASE WHEN p."differs_${f.key}" AND NOT p."set_${f.key}"
        THEN jsonb_build_object('column', ${lit(f.heading)}, 'message', ${lit(keptColumnMessage(f.heading))}) END)`,
    ).join(',\n        ');
    const wc = field('workerCount');
    return `WITH plan AS MATERIALIZED (
      SELECT r.row_number, e.id AS enterprise_id, r."values" AS v,
              ${flags}
        FROM register_import_row r JOIN enterprise e ON e.id = r.enterprise_id
       WHERE ${inBatch('r')}
       ORDER BY e.id FOR UPDATE OF e
    ), upd AS (
      UPDATE enterprise e SET ${sets}, updated_at = now()
        FROM plan p WHERE e.id = p.enterprise_id AND (${any})
      RETURNING e.id
    )${history ? `, hist AS (${historyInsert(`SELECT p.enterprise_id, ${jsonValue('p.v', wc)}, coalesce(${jsonValue('p.v', field('surveyedOn'))}, $4::date) FROM plan p WHERE p."set_workerCount"`, 5)})` : ''}
    , marked AS (
      UPDATE register_import_row r SET applied = true,
          errors = r.errors || (SELECT coalesce(jsonb_agg(n.x ORDER BY n.i), '[]'::jsonb) FROM (VALUES ${notices}) n(i, x) WHERE n.x IS NOT NULL)
        FROM plan p WHERE r.import_id = $1 AND r.row_number = p.row_number
      RETURNING 1
    )
    SELECT (SELECT count(*)::int FROM upd) AS updated, (SELECT count(*)::int FROM marked) AS marked`;
  },

  /** What is left of the batch: a raced tax code of another unit, or an enterprise deleted since the dry run. $4..$6: column, messages. */
  leftovers: `UPDATE register_import_row r SET applied = true,
      enterprise_id = CASE WHEN r.action = '${ImportRowAction.CREATE}' THEN NULL ELSE r.enterprise_id END,
      errors = r.errors || jsonb_build_array(jsonb_build_object('column', $4::text,
        'message', CASE WHEN r.action = '${ImportRowAction.CREATE}' THEN $5::text ELSE $6::text END))
    WHERE ${inBatch('r')}`,
};

/**
 * INSERT of worker-count history rows from `select` (enterprise id, worker count, counted on): source IMPORT,
 * the file name as note, the confirming user. Parameters: $first = file name, $first+1 = user.
 */
function historyInsert(select: string, first: number): string {
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
    const [batch]: { last: number | null; n: number }[] = await m.query(APPLY_SQL.next, [importId, after, batchRows]);
    if (!batch.n) {
      await m.query(`UPDATE register_import SET status = '${RegisterImportStatus.APPLIED}', finished_at = now(), error = NULL WHERE id = $1`, [importId]);
      return { done: true, status: RegisterImportStatus.APPLIED };
    }
    // The funding type history rows the enterprise trigger writes: from this import, by who confirmed it.
    await m.query(`SELECT set_config('cdcs.funding_source', 'IMPORT', true), set_config('cdcs.funding_by', coalesce($1::text, ''), true)`, [imp.recorded_by]);
    const range = [importId, after, batch.last];
    const who = history ? [today, imp.file_name, imp.recorded_by] : [];
    const [{ created }] = await m.query(APPLY_SQL.creates(history), [...range, imp.org_unit_id, ...who]);
    if (created) await m.query(APPLY_SQL.created, range);
    await m.query(APPLY_SQL.racedCreates(), [...range, imp.org_unit_id, RACED_CREATE_MESSAGE]);
    const [{ updated, marked }] = await m.query(APPLY_SQL.updates(history), [...range, ...who]);
    const [, skipped]: [unknown, number] = await m.query(APPLY_SQL.leftovers, [...range, ENTERPRISE_HEADINGS.taxCode, OUT_OF_SCOPE_MESSAGE, GONE_MESSAGE]);
    // What was done, not what the dry run expected: a raced create counts as an update (or as unchanged), a row a user's
    // edits left nothing to change as unchanged; in the batch's transaction, so a redelivered job counts nothing twice.
    await m.query(
      `UPDATE register_import SET applied_rows = applied_rows + $2, applied_created = applied_created + $3, applied_updated = applied_updated + $4,
              applied_unchanged = applied_unchanged + $5, applied_skipped = applied_skipped + $6 WHERE id = $1`,
      [importId, batch.n, created, updated, marked - updated, skipped],
    );
    return { done: false, lastRow: batch.last! };
  }
}
