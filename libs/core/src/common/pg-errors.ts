/** Postgres SQLSTATE for a unique violation. */
export const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = err?.code ?? err?.driverError?.code;
  const name = err?.constraint ?? err?.driverError?.constraint;
  return code === UNIQUE_VIOLATION && (!constraint || name === constraint);
}

// Shared with the read replica's fallback (libs/persistence/src/read-db): one definition of a lost connection.
export { isDatabaseUnavailable } from '@app/persistence';

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
