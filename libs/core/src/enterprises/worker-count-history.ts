import { RawRow } from '../common/prepared-sql';
import { EntityManager } from 'typeorm';
import { IsoDate } from '@app/domain';
import { WorkerCountSource } from './enterprise-input';

/** A worker count of an enterprise, as `enterprise_worker_count` keeps it. */
export interface WorkerCountRecord {
  enterpriseId: string;
  workerCount: number;
  countedOn: IsoDate;
  source: WorkerCountSource;
  note: string | null;
  /** The user who recorded it (null for counts no user typed). */
  recordedBy: string | null;
}

/** The enterprise's count and counting day as they stand (its row locked by the caller). */
export interface CurrentCount {
  workerCount: number;
  countedOn: IsoDate | null;
}

/**
 * True when a count taken on `countedOn` is news to the register: another number, or the same number
 * counted on another day than the one the register has. (The same number again with no day adds nothing.)
 */
export function isNewCount(current: CurrentCount, workerCount: number, countedOn: IsoDate | null): boolean {
  return workerCount !== current.workerCount || (countedOn !== null && countedOn !== current.countedOn);
}

/**
 * Sets an enterprise's worker count and counting day (`surveyed_on`) and records the count in
 * `enterprise_worker_count`, in one statement. Call it in a transaction that has locked the enterprise's
 * row and seen `isNewCount` (so two writers record their counts one after the other). `also` sets more
 * columns in the same UPDATE (column → value; column names are the caller's, never user input).
 * Returns the listed columns of the updated row.
 */
export async function writeWorkerCount(m: EntityManager, entry: WorkerCountRecord, also: Record<string, unknown> = {}, returning = 'id'): Promise<RawRow> {
  const values: unknown[] = [entry.enterpriseId, entry.workerCount, entry.countedOn, entry.source, entry.note, entry.recordedBy];
  const sets = Object.entries(also).map(([col, v]) => {
    values.push(v);
    return `"${col}" = $${values.length}`;
  });
  const [row] = await m.query(
    `WITH u AS (
       UPDATE enterprise SET worker_count = $2, surveyed_on = $3, ${sets.map((s) => `${s}, `).join('')}updated_at = now()
        WHERE id = $1 RETURNING ${returning}
     ), h AS (
       INSERT INTO enterprise_worker_count (enterprise_id, worker_count, counted_on, source, note, recorded_by)
       SELECT $1, $2, $3, $4::varchar, $5::text, $6::uuid FROM u
     )
     SELECT * FROM u`,
    values,
  );
  return row;
}

/** The row as a statement reading `enterprise` locked it: the current count and its day. */
export async function lockCurrentCount(m: EntityManager, enterpriseId: string): Promise<CurrentCount | null> {
  const [row] = await m.query(`SELECT worker_count, surveyed_on FROM enterprise WHERE id = $1 FOR NO KEY UPDATE`, [enterpriseId]);
  return row ? { workerCount: row.worker_count, countedOn: row.surveyed_on } : null;
}
