/** Postgres SQLSTATE for a unique violation. */
export const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = err?.code ?? err?.driverError?.code;
  const name = err?.constraint ?? err?.driverError?.constraint;
  return code === UNIQUE_VIOLATION && (!constraint || name === constraint);
}

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
 * A statement cut by the apps' own limits: 55P03 lock_not_available (DB_LOCK_TIMEOUT_MS) or 57014
 * query_canceled (DB_STATEMENT_TIMEOUT_MS). Its transaction rolled back; a retry later can work, so the
 * API answers SERVICE_UNAVAILABLE too, with its own sentence (docs/architecture.md#faults-and-backups).
 */
export function isDatabaseBusy(e: unknown): boolean {
  const err = e as { code?: unknown; driverError?: { code?: unknown } } | undefined;
  const code = err?.driverError?.code ?? err?.code;
  return code === '55P03' || code === '57014';
}
