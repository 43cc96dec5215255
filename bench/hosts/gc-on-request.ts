/**
 * A host's answer to the driver's {type: 'gc'}: a full collection (node --expose-gc, set by Host.start), then its heap
 * in use, so that a memory check compares what is retained rather than where the GC sawtooth happens to stand.
 */
export function answerGcRequests(): void {
  process.on('message', (m: { type: string }) => {
    if (m?.type !== 'gc') return;
    (globalThis as { gc?: () => void }).gc?.();
    process.send!({ type: 'gc-done', heapUsed: process.memoryUsage().heapUsed });
  });
}
