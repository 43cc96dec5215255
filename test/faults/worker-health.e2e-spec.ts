import { JobName, QUEUE_OF_JOB } from '@app/queue';
import { OwnPostgres, oneStatement, stopAllOwnPostgres } from '../support/own-postgres';
import { eventually } from '../support/test-worker';
import { WorkerProcess, killAllWorkerProcesses } from '../support/worker-process';

/**
 * The worker's own /health (its WORKER_HEALTH_PORT) follows Postgres: red (503, postgres down, Redis still up) while a
 * Postgres of this file's own is stopped, green again once it is back, without restarting the worker, whose pool then
 * serves the outbox relay again. Never the shared Postgres; queues of its own. docs/architecture.md#faults-and-backups
 */

jest.setTimeout(200_000);

const WAIT = 60_000;
const DB = 'cdcs_worker_health';

let pg: OwnPostgres;
let worker: WorkerProcess;
process.once('exit', stopAllOwnPostgres);
process.once('exit', killAllWorkerProcesses);

interface Health {
  status: number;
  body: { status?: string; details?: Record<string, { status: string }> };
}

async function health(): Promise<Health> {
  const res = await fetch(`http://127.0.0.1:${worker.healthPort}/health`);
  return { status: res.status, body: (await res.json()) as Health['body'] };
}

/** One statement on a fresh connection (the test's own connections die with the server too). */
const sql = <T = any>(text: string, params: unknown[] = []): Promise<T[]> => oneStatement<T>(pg.url(DB), 'worker-health-test', text, params);

/** An outbox row the worker's relay must send: its pool works. */
async function relayed(pingId: string): Promise<void> {
  const [row] = await sql(`INSERT INTO outbox (queue, job_name, payload) VALUES ($1, $2, $3) RETURNING id`, [
    QUEUE_OF_JOB[JobName.HEALTH_PING],
    JobName.HEALTH_PING,
    JSON.stringify({ pingId }),
  ]);
  await eventually(async () => (await sql(`SELECT sent_at FROM outbox WHERE id = $1`, [row.id]))[0].sent_at !== null, WAIT, 250);
}

beforeAll(async () => {
  pg = await OwnPostgres.start();
  const url = await pg.createDatabase(DB);
  worker = await WorkerProcess.start({
    env: {
      DATABASE_URL: url,
      // Under the run's prefix (its clean-up takes them), apart from the other fault suites' queues.
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'cdcs_test'}_worker_health`,
      WORKER_SCHEDULERS: 'false',
      LOG_LEVEL: 'fatal',
    },
  });
});

afterAll(async () => {
  try {
    await worker?.stop();
  } finally {
    await pg?.dispose();
    process.removeListener('exit', stopAllOwnPostgres);
    process.removeListener('exit', killAllWorkerProcesses);
  }
});

describe("the worker's /health under Postgres faults", () => {
  it('is green with Postgres and Redis up, and the relay sends', async () => {
    const h = await health();
    expect(h.status).toBe(200);
    expect(h.body.details).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
    await relayed('before');
  });

  it('goes red while Postgres is stopped (Redis still up), and green again once it is back, the same process', async () => {
    const pid = worker.pid;
    await pg.stop('fast');
    const red = (await eventually(async () => {
      const h = await health();
      return h.status === 503 ? h : undefined;
    }, WAIT)) as Health;
    expect(red.body.status).toBe('error');
    expect(red.body.details).toMatchObject({ postgres: { status: 'down' }, redis: { status: 'up' } });

    await pg.launch();
    const green = (await eventually(async () => {
      const h = await health();
      return h.status === 200 ? h : undefined;
    }, WAIT)) as Health;
    expect(green.body.details).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
    expect(worker.alive).toBe(true);
    expect(worker.pid).toBe(pid);
    await relayed('after-restart');
  });

  it('is green again after its backends are terminated: the pool reconnects by itself', async () => {
    expect(await pg.terminateBackends(DB, 'cdcs')).toBeGreaterThan(0);
    await eventually(async () => (await health()).status === 200, WAIT, 250);
    await relayed('after-terminate');
    expect(worker.alive).toBe(true);
  });
});
