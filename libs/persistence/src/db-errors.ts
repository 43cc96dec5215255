/** Node socket errors of a connection to Postgres that could not be made or was cut. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** pg's own words for a pool or client that lost or could not get its connection. */
const LOST_CONNECTION =
  /(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed|Cannot use a pool after calling end|the database system is (starting up|shutting down|in recovery)|terminating connection due to administrator command)/i;

/**
 * Postgres went away or cannot take connections now (stopped, restarting, its backends terminated, a
 * connect timing out): SQLSTATE 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now,
 * class 08 (connection exceptions), socket errors and pg's connection messages. A retry later can work:
 * the API answers SERVICE_UNAVAILABLE (docs/architecture.md#faults-and-backups).
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let err = e as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | undefined, depth = 0; err && depth < 4; depth++) {
    const code = typeof err.code === 'string' ? err.code : '';
    if (code === '57P01' || code === '57P02' || code === '57P03' || /^08[0-9A-Z]{3}$/.test(code) || SOCKET_CODES.has(code)) return true;
    if (typeof err.message === 'string' && LOST_CONNECTION.test(err.message)) return true;
    err = (err.driverError ?? err.cause) as typeof err;
  }
  return false;
}

/**
 * A hot standby cancelled the statement because replaying the primary's WAL needed what it held (a row version
 * it still read, a lock): SQLSTATE 40001 or 40P01, "canceling statement due to conflict with recovery". The same
 * read on the primary works.
 */
export function isRecoveryConflict(e: unknown): boolean {
  const err = e as { message?: unknown; driverError?: { message?: unknown } } | undefined;
  const message = err?.driverError?.message ?? err?.message;
  return typeof message === 'string' && /conflict with recovery/i.test(message);
}
