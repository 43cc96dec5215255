import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** Runs `tasks` on up to `connections` REPEATABLE READ transactions that all see the first one's snapshot; read-only, rolled back. */
export async function inOneSnapshot(
  db: DataSource,
  tasks: ((m: EntityManager) => Promise<unknown>)[],
  connections: number,
  onDone: (done: number, of: number) => unknown,
): Promise<unknown[]> {
  const runners: QueryRunner[] = [];
  try {
    const lead = db.createQueryRunner();
    runners.push(lead);
    await lead.startTransaction('REPEATABLE READ');
    const [{ id }] = await lead.query(`SELECT pg_export_snapshot() AS id`);
    if (!/^[0-9A-F-]+$/i.test(id)) throw new Error(`Unexpected snapshot id ${id}`);
    // The statements run side by side already: Postgres's own parallel workers would only compete with them.
    await lead.query(`SET LOCAL max_parallel_workers_per_gather = 0`);
    for (let i = 1; i < Math.min(connections, tasks.length); i++) {
      const qr = db.createQueryRunner();
      runners.push(qr);
      await qr.startTransaction('REPEATABLE READ');
      await qr.query(`SET TRANSACTION SNAPSHOT '${id}'`);
      await qr.query(`SET LOCAL max_parallel_workers_per_gather = 0`);
    }
    const results: unknown[] = new Array(tasks.length);
    let next = 0;
    let done = 0;
    let failed = false;
    const settled = await Promise.allSettled(
      runners.map(async (qr) => {
        while (!failed && next < tasks.length) {
          const i = next++;
          try {
            results[i] = await tasks[i](qr.manager);
          } catch (e) {
            failed = true;
            throw e;
          }
          await onDone(++done, tasks.length);
        }
      }),
    );
    const error = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (error) throw error.reason;
    return results;
  } finally {
    for (const qr of runners) {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      await qr.release();
    }
  }
}
