import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { DEFAULT_JOB_OPTIONS, JobName, QUEUE_OF_JOB } from '@app/queue';
import { OutboxRelay } from './outbox/outbox-relay.service';

const SCHEDULER_LOCK_KEY = 724_002;
export const TZ = 'Asia/Ho_Chi_Minh';

/**
 * Upserts the job schedulers from one place: at boot, under an advisory lock so workers booting
 * together do not upsert at once. Once-per-period work is made safe by unique keys in Postgres.
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SchedulerService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    relay: OutboxRelay,
  ) {
    // A flushed Redis loses the schedulers too.
    if (config.workerSchedulers) relay.onRedisReset = () => this.upsertAll();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.workerSchedulers) return;
    try {
      await this.upsertAll();
    } catch (e) {
      // Redis may be away at boot; the schedulers already stored in Redis keep running, and the next boot upserts.
      this.logger.warn(`Job schedulers not upserted: ${(e as Error).message}`);
    }
  }

  async upsertAll(): Promise<void> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock($1) AS locked`, [SCHEDULER_LOCK_KEY]);
      if (!locked) return;
      try {
        await this.upsert(JobName.ESCALATION_SWEEP, { every: this.config.escalationSweepEveryMs }, {});
        // Daily: the reward occasions due today in Vietnam (catch-up and once-only are in RewardScheduleService).
        await this.upsert(JobName.SCHEDULE_REWARD_EVALUATIONS, { pattern: '0 1 * * *', tz: TZ }, {});
        // Daily: the reports of the periods that ended (once per period by the report's unique key).
        await this.upsert(JobName.SCHEDULE_PERIOD_REPORTS, { pattern: '30 0 * * *', tz: TZ }, {});
        // Daily at the start of the day (before the reports): structure changes taking effect today (docs/architecture.md#restructuring).
        await this.upsert(JobName.APPLY_ORG_UNIT_CHANGES, { pattern: '0 0 * * *', tz: TZ }, {});
        // Daily: a backup into BACKUP_DIR keeping the newest BACKUP_KEEP (0: none; docs/architecture.md#faults-and-backups).
        if (this.config.backupKeep > 0) await this.upsert(JobName.BACKUP_DATABASE, { pattern: '0 2 * * *', tz: TZ }, {});
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1)`, [SCHEDULER_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }

  private async upsert(name: JobName, repeat: { every?: number; pattern?: string; tz?: string }, data: object): Promise<void> {
    const queue = this.moduleRef.get<Queue>(getQueueToken(QUEUE_OF_JOB[name]), { strict: false });
    const { attempts, backoff, removeOnComplete, removeOnFail } = DEFAULT_JOB_OPTIONS;
    await queue.upsertJobScheduler(name, repeat, { name, data, opts: { attempts, backoff, removeOnComplete, removeOnFail } });
  }
}
