import { TestApi } from './test-api';

/**
 * The year the statutory-holiday tests fill and empty: the year after next, which no other test's due days reach
 * (a case opened in December runs into next year's January, so next year's days off would move other suites' due
 * days while these tests hold them). The Vietnam-time year, as the API counts it.
 */
export function spareCalendarYear(): { thisYear: number; year: number } {
  const thisYear = Number(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4));
  return { thisYear, year: thisYear + 2 };
}

/**
 * Holds the year's calendar for one suite (a session advisory lock on a connection of its own), so that the API and
 * the browser suites, which both empty and fill it, run one after the other when jest starts them side by side.
 * Returns the release.
 */
export async function holdCalendarYear(api: TestApi, year: number): Promise<() => Promise<void>> {
  const runner = api.db.createQueryRunner();
  await runner.connect();
  await runner.query(`SELECT pg_advisory_lock(hashtext('test-calendar-year'), $1)`, [year]);
  return async () => {
    try {
      await runner.query(`SELECT pg_advisory_unlock(hashtext('test-calendar-year'), $1)`, [year]);
    } finally {
      await runner.release();
    }
  };
}
