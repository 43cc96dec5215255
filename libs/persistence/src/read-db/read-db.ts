import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { appSessionOptions, dataSourceOptions } from '../data-source-options';
import { isDatabaseUnavailable, isRecoveryConflict } from '../db-errors';
import { WriteMarks } from './write-marks';

/** The replica's connections' application_name (pg_stat_activity on the replica shows them). */
export const READ_APPLICATION_NAME = 'cdcs-read';

/** Where a read ran: for tests and logs. */
export type ReadTarget = 'replica' | 'primary';

/**
 * The reads that may lag a few seconds (figures, the pipeline, board lists, dashboards, exports, report builds) go
 * through `read`: on the streaming replica of DATABASE_READ_URL when there is one, it answers and the user has not
 * written in the last READ_YOUR_WRITES_MS; else on the primary. A replica that cannot be reached (or cancels a
 * statement for a conflict with recovery) costs the user nothing: the read runs again on the primary, and a
 * warning is logged once per READ_REPLICA_RETRY_MS, during which reads stay on the primary. Writes, and reads
 * inside a write path, never come here: they use the primary DataSource as before. docs/architecture.md#read-replica
 */
@Injectable()
export class ReadDb implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ReadDb');
  private readonly replica: DataSource | null;
  private readonly marks: WriteMarks | null;
  private ready: Promise<DataSource> | null = null;
  /** Until when reads stay on the primary after a replica failure (epoch ms). */
  private downUntil = 0;
  private wasDown = false;

  constructor(
    @InjectDataSource() readonly primary: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const url = config.databaseReadUrl;
    this.replica = url
      ? new DataSource(
          dataSourceOptions(url, {
            extra: {
              max: config.dbPoolMax,
              application_name: READ_APPLICATION_NAME,
              options: appSessionOptions({ statementTimeoutMs: config.dbStatementTimeoutMs, lockTimeoutMs: config.dbLockTimeoutMs }),
              // A replica that does not answer sends the read to the primary after this, not after the primary's 10 s.
              connectionTimeoutMillis: 3000,
            },
          }),
        )
      : null;
    this.marks = url ? new WriteMarks(config.redisUrl, config.queuePrefix, config.readYourWritesMs) : null;
  }

  /** A ReadDb that reads only from `primary`, for tools that build services by hand. */
  static primaryOnly(primary: DataSource): ReadDb {
    return new ReadDb(primary, { databaseReadUrl: null } as AppConfig);
  }

  /** Whether DATABASE_READ_URL is set (whether reads may leave the primary at all). */
  get enabled(): boolean {
    return this.replica !== null;
  }

  async onModuleInit(): Promise<void> {
    if (!this.replica) return;
    await this.marks!.connect();
    // Connect now so the first reads need not; a replica down at boot is one more fallback, not a failed boot.
    await this.replicaSource().catch((e: unknown) => this.fellBack(e));
  }

  async onModuleDestroy(): Promise<void> {
    await this.marks?.close();
    if (this.replica?.isInitialized) await this.replica.destroy().catch(() => undefined);
  }

  /** Runs `fn` on the replica or the primary as the class says; `userId` is the reader (null: no user, e.g. a scheduled job). */
  async read<T>(userId: string | null | undefined, fn: (db: DataSource, target: ReadTarget) => Promise<T>): Promise<T> {
    const target = await this.targetFor(userId);
    if (target === 'primary') return fn(this.primary, 'primary');
    let replica: DataSource;
    try {
      replica = await this.replicaSource();
    } catch (e) {
      this.fellBack(e);
      return fn(this.primary, 'primary');
    }
    try {
      const result = await fn(replica, 'replica');
      this.cameBack();
      return result;
    } catch (e) {
      if (isRecoveryConflict(e)) {
        this.logger.warn(`The read replica cancelled a read (${(e as Error).message}); it runs again on the primary`);
        return fn(this.primary, 'primary');
      }
      if (!isDatabaseUnavailable(e)) throw e;
      // pg's pool says "timeout exceeded when trying to connect" also when all its connections were busy for that
      // long: the replica is loaded, not gone. This read overflows to the primary; the next ones try the replica.
      if (!this.saturated()) this.fellBack(e);
      return fn(this.primary, 'primary');
    }
  }

  /** Where `read` would send this user's read now (the replica may still fail over to the primary). */
  async targetFor(userId: string | null | undefined): Promise<ReadTarget> {
    if (!this.replica || Date.now() < this.downUntil) return 'primary';
    if (userId && (await this.marks!.wroteRecently(userId))) return 'primary';
    return 'replica';
  }

  /** The user wrote: their reads go to the primary for READ_YOUR_WRITES_MS. Await it before answering the write. */
  async noteWrite(userId: string | null | undefined): Promise<void> {
    if (this.marks && userId) await this.marks.note(userId);
  }

  private replicaSource(): Promise<DataSource> {
    const replica = this.replica!;
    if (replica.isInitialized) return Promise.resolve(replica);
    this.ready ??= replica.initialize().finally(() => {
      this.ready = null;
    });
    return this.ready;
  }

  /** Whether every connection of the replica's pool is taken (pg-pool's counters). */
  private saturated(): boolean {
    const pool = (this.replica?.driver as unknown as { master?: { totalCount: number; idleCount: number; options: { max: number } } } | undefined)?.master;
    return !!pool && pool.totalCount >= pool.options.max && pool.idleCount === 0;
  }

  private fellBack(e: unknown): void {
    const now = Date.now();
    if (now < this.downUntil) return;
    this.downUntil = now + this.config.readReplicaRetryMs;
    this.wasDown = true;
    const reason = e instanceof Error ? e.message : String(e);
    this.logger.warn(`Read replica unavailable (${reason}); reads go to the primary, the replica is tried again in ${this.config.readReplicaRetryMs} ms`);
  }

  private cameBack(): void {
    if (!this.wasDown) return;
    this.wasDown = false;
    this.logger.log('Read replica answers again; lag-tolerant reads go to it');
  }
}
