import { randomBytes } from 'node:crypto';

/**
 * The bench's own database and BullMQ prefix, and the environment of the apps it runs (in-process
 * and child processes). Imported first by bench/main.ts, before any app module reads process.env.
 */
// scripts/bench.sh sets BENCH_STAMP so that it can clean up after a run that died (bench/cleanup.ts).
const stamp = process.env.BENCH_STAMP ?? new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const given = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const url = new URL(given);
url.pathname = `/cdcs_bench_${stamp}`;

export const BENCH_DB_URL = url.toString();
export const BENCH_DB_NAME = `cdcs_bench_${stamp}`;
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const QUEUE_PREFIX = `cdcs_bench_${stamp}`;

export const HOST_ENV: Record<string, string> = {
  DATABASE_URL: BENCH_DB_URL,
  REDIS_URL,
  QUEUE_PREFIX,
  NODE_ENV: 'production',
  JWT_SECRET: randomBytes(32).toString('hex'),
  LOG_LEVEL: 'warn',
  DEMO_DATA: 'false',
  // The bench runs the sweep itself; a scheduled sweep in the middle of a benchmark would skew it.
  WORKER_SCHEDULERS: 'false',
  WORKER_HEALTH_PORT: '0',
  DB_POOL_MAX: '10',
};

// No admin bootstrap, no e-mail: the bench seeds its own users and measures the sweep without SMTP.
for (const k of ['ADMIN_EMAIL', 'ADMIN_PASSWORD', 'SMTP_URL', 'OUTBOX_RELAY', 'OUTBOX_POLL_MS']) delete process.env[k];
Object.assign(process.env, HOST_ENV);
