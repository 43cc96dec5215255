import { workerDatabaseUrl, workerQueuePrefix } from './support/worker-databases';

// Runs before every integration test file, in its jest worker: points the file at the worker's own database and
// queue prefix (test/support/worker-databases.ts), which the global setup made for each worker.
const id = process.env.JEST_WORKER_ID ?? '1';
if (process.env.CDCS_TEST_RUN_DATABASE_URL && process.env.CDCS_TEST_RUN_QUEUE_PREFIX) {
  process.env.DATABASE_URL = workerDatabaseUrl(process.env.CDCS_TEST_RUN_DATABASE_URL, id);
  process.env.QUEUE_PREFIX = workerQueuePrefix(process.env.CDCS_TEST_RUN_QUEUE_PREFIX, id);
}
