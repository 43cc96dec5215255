import { Injectable, Logger } from '@nestjs/common';
import { CalendarService, PeriodCloseService, ReportBuilderService } from '@app/core';
import { PeriodKind, lastEndedPeriod } from '@app/domain';
import { JobName, JobPayloads } from '@app/queue';
import { JobHandler } from '../job-handler';

@Injectable()
export class SchedulePeriodReportsHandler implements JobHandler<JobName.SCHEDULE_PERIOD_REPORTS> {
  readonly jobName = JobName.SCHEDULE_PERIOD_REPORTS;
  private readonly logger = new Logger(SchedulePeriodReportsHandler.name);
  constructor(
    private readonly builder: ReportBuilderService,
    private readonly closes: PeriodCloseService,
    private readonly calendar: CalendarService,
  ) {}

  /**
   * Closes the month that ended (once), then creates the reports of the periods that ended: their builds read the close.
   * Being the worker's daily run, it also says, in one warning, which years of the working-day calendar have no days
   * off (docs/architecture.md#the-working-day-calendar-and-due-days): due days counted across them are wrong.
   */
  async handle(data: JobPayloads[JobName.SCHEDULE_PERIOD_REPORTS]) {
    const today = data?.today ?? this.calendar.today();
    const close = await this.closes.close(lastEndedPeriod(PeriodKind.MONTH, today).end);
    const reports = await this.builder.schedulePeriodReports(today);
    return { ...reports, close, missingCalendarYears: await this.warnOfMissingCalendarYears() };
  }

  /** One warning naming every year of the calendar without days off; the years. */
  async warnOfMissingCalendarYears(): Promise<number[]> {
    const missing = await this.calendar.missingYears();
    if (missing.length) {
      const years = missing.map((m) => `${m.year}${m.holdsDueDays ? ' (holds stored due days)' : ''}`).join(', ');
      this.logger.warn(`Working-day calendar has no days off for ${years}: due days counted across them treat every holiday as a working day`);
    }
    return missing.map((m) => m.year);
  }
}
