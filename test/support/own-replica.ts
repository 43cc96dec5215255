import { OwnPostgres, oneStatement } from './own-postgres';
import { eventually } from './test-worker';

/**
 * A primary and a streaming hot standby of the test's own, from Debian's binaries (OwnPostgres): the primary with
 * wal_level=replica and a `replication` line in pg_hba.conf, the standby made by `pg_basebackup -R` and started on a
 * port of its own. The database is created and migrated on the primary before the base backup, so the standby has
 * it from the start; later writes reach it by streaming replication. docs/architecture.md#read-replica
 */
export class OwnReplica {
  private constructor(
    readonly primary: OwnPostgres,
    readonly standby: OwnPostgres,
    readonly database: string,
    readonly primaryUrl: string,
  ) {}

  static async start(database: string): Promise<OwnReplica> {
    const primary = await OwnPostgres.start({ replication: true });
    try {
      const url = await primary.createDatabase(database);
      const standby = await OwnPostgres.standbyOf(primary);
      return new OwnReplica(primary, standby, database, url);
    } catch (e) {
      await primary.dispose();
      throw e;
    }
  }

  get replicaUrl(): string {
    return this.standby.url(this.database);
  }

  /** One statement on a fresh connection to the standby (true) or the primary. */
  sql<T = any>(onStandby: boolean, text: string, params: unknown[] = []): Promise<T[]> {
    return oneStatement<T>(onStandby ? this.replicaUrl : this.primaryUrl, 'replica-test', text, params);
  }

  /** Stops applying the primary's WAL on the standby (it still receives it): what is written now is not seen there. */
  async pauseReplay(): Promise<void> {
    await this.sql(true, `SELECT pg_wal_replay_pause()`);
    await eventually(async () => (await this.sql(true, `SELECT pg_get_wal_replay_pause_state() AS s`))[0].s === 'paused', 30_000, 50);
  }

  async resumeReplay(): Promise<void> {
    await this.sql(true, `SELECT pg_wal_replay_resume()`);
  }

  /** Waits until the standby has replayed everything the primary had written when this was called. */
  async caughtUp(): Promise<void> {
    // The insert position, not the write position: the test primary runs with synchronous_commit=off, so a commit
    // already answered may still sit in the WAL buffers, behind pg_current_wal_lsn().
    const [{ lsn }] = await this.sql(false, `SELECT pg_current_wal_insert_lsn()::text AS lsn`);
    await eventually(async () => (await this.sql(true, `SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok`, [lsn]))[0].ok === true, 60_000, 50);
  }

  /** Client backends of the app's replica pool (application_name cdcs-read) on either server. */
  async readConnections(onStandby: boolean): Promise<number> {
    const [{ n }] = await this.sql(
      onStandby,
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'cdcs-read' AND backend_type = 'client backend'`,
      [this.database],
    );
    return n;
  }

  /** Stops both servers and removes their folders. */
  async dispose(): Promise<void> {
    await this.standby.dispose();
    await this.primary.dispose();
  }
}
