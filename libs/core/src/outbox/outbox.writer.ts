import { EntityManager } from 'typeorm';
import { JobName, JobPayloads, QUEUE_OF_JOB } from '@app/queue';

/** Writes a follow-up job in the caller's transaction; the relay moves it into BullMQ after commit. */
export async function writeOutbox<N extends JobName>(m: EntityManager, name: N, payload: JobPayloads[N]): Promise<void> {
  await m.query(`INSERT INTO outbox (queue, job_name, payload) VALUES ($1, $2, $3)`, [QUEUE_OF_JOB[name], name, JSON.stringify(payload)]);
}

/** The payload of job N split in two: the keys in R come from each selected row (SQL), the others are fixed for all rows. */
export type OutboxRows<N extends JobName, R extends keyof JobPayloads[N] & string> = {
  /** Per-row payload fields: an SQL expression over the selected rows for each key. */
  perRow: { [K in R]: string };
  /** What follows SELECT … FROM: the rows, their filter and order. */
  from: string;
  // `{} extends P`: P has no required key, so `fixed` may be left out.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
} & ({} extends Omit<JobPayloads[N], R> ? { fixed?: Omit<JobPayloads[N], R> } : { fixed: Omit<JobPayloads[N], R> });

/**
 * The set-based form of writeOutbox, for a statement that writes one job per row it selects (e.g. per unit, per
 * new report, per notification) in one round trip: `INSERT INTO outbox … SELECT … FROM <from>`, to stand in a CTE
 * or after one (the caller adds RETURNING when it counts the rows). Queue, job name and the fixed payload fields
 * are bound as parameters: their values are appended to `params` and their placeholders numbered after the ones
 * already there.
 */
export function outboxInsertSelect<N extends JobName, R extends keyof JobPayloads[N] & string>(name: N, rows: OutboxRows<N, R>, params: unknown[]): string {
  const bind = (value: unknown) => `$${params.push(value)}`;
  const queue = bind(QUEUE_OF_JOB[name]);
  const job = bind(name);
  const perRow = Object.entries<string>(rows.perRow)
    .map(([key, sql]) => `'${key}', ${sql}`)
    .join(', ');
  const fixed = rows.fixed && Object.keys(rows.fixed).length ? ` || ${bind(JSON.stringify(rows.fixed))}::jsonb` : '';
  return `INSERT INTO outbox (queue, job_name, payload)
  SELECT ${queue}, ${job}, jsonb_build_object(${perRow})${fixed} FROM ${rows.from}`;
}
