import { EntityManager } from 'typeorm';
import { JobName, JobPayloads, QUEUE_OF_JOB } from '@app/queue';

/** Writes a follow-up job in the caller's transaction; the relay moves it into BullMQ after commit. */
export async function writeOutbox<N extends JobName>(m: EntityManager, name: N, payload: JobPayloads[N]): Promise<void> {
  await m.query(`INSERT INTO outbox (queue, job_name, payload) VALUES ($1, $2, $3)`, [QUEUE_OF_JOB[name], name, JSON.stringify(payload)]);
}
