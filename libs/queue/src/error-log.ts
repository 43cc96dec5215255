/** Logs the first error, then at most one every `everyMs` with how many were skipped: an outage must not flood the logs. */
export function throttledErrorLog(logger: { warn(message: string): void }, everyMs = 30_000): (e: Error) => void {
  let last = 0;
  let skipped = 0;
  return (e: Error) => {
    const now = Date.now();
    if (now - last < everyMs) {
      skipped += 1;
      return;
    }
    logger.warn(`${e.message}${skipped ? ` (${skipped} more since the last report)` : ''}`);
    last = now;
    skipped = 0;
  };
}
