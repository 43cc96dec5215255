import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { backupDatabase, pruneBackups } from '@app/core';
import { JobName } from '@app/queue';
import { JobHandler } from '../job-handler';

/** The scheduled daily backup: a dump and its manifest into BACKUP_DIR, then only the newest BACKUP_KEEP kept. */
@Injectable()
export class BackupDatabaseHandler implements JobHandler<JobName.BACKUP_DATABASE> {
  readonly jobName = JobName.BACKUP_DATABASE;
  private readonly logger = new Logger(BackupDatabaseHandler.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async handle() {
    const r = await backupDatabase(this.config.databaseUrl, this.config.backupDir);
    // A failed dump throws before pruning: the older dumps stay until a new one is written.
    const removed = await pruneBackups(this.config.backupDir, Math.max(1, this.config.backupKeep));
    this.logger.log(`Backup ${r.file} (${r.manifest.dumpBytes} bytes); removed ${removed.length} older`);
    return { file: r.manifest.dumpFile, bytes: r.manifest.dumpBytes, removed };
  }
}
