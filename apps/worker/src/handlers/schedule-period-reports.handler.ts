import { Injectable } from '@nestjs/common';
import { CalendarService, PeriodCloseService, ReportBuilderService } from '@app/core';
import { PeriodKind, lastEndedPeriod } from '@app/domain';
import { JobName, JobPayloads } from '@app/queue';
import { JobHandler } from '../job-handler';

@Injectable()
export class SchedulePeriodReportsHandler implements JobHandler<JobName.SCHEDULE_PERIOD_REPORTS> {
  readonly jobName = JobName.SCHEDULE_PERIOD_REPORTS;
  constructor(
    private readonly builder: ReportBuilderService,
    private readonly closes: PeriodCloseService,
    private readonly calendar: CalendarService,
  ) {}

  /** Closes the month that ended (once), then creates the reports of the periods that ended: their builds read the close. */
  async handle(data: JobPayloads[JobName.SCHEDULE_PERIOD_REPORTS]) {
    const today = data?.today ?? this.calendar.today();
    const close = await this.closes.close(lastEndedPeriod(PeriodKind.MONTH, today).end);
    return { ...(await this.builder.schedulePeriodReports(today)), close };
  }
}
