/** Child process: the real worker (createWorker: BullMQ processors and the outbox relay), no HTTP listener. */
import { createWorker } from '../../apps/worker/src/main';
import { answerGcRequests } from './gc-on-request';

async function main(): Promise<void> {
  const app = await createWorker();
  await app.init();
  process.on('message', (m: { type: string }) => {
    if (m?.type === 'stop') {
      void app.close().finally(() => process.exit(0));
    }
  });
  answerGcRequests();
  // The bench driver died (killed, timed out): do not outlive it.
  process.on('disconnect', () => process.exit(0));
  process.send!({ type: 'ready' });
}

main().catch((e) => {
  process.stderr.write(`worker-host: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
