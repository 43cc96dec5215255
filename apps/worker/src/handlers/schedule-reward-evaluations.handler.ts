import { RewardScheduleService } from '@app/core';
import { JobName } from '@app/queue';
import { serviceJobHandler } from './service-job-handler';

export class ScheduleRewardEvaluationsHandler extends serviceJobHandler(JobName.SCHEDULE_REWARD_EVALUATIONS, RewardScheduleService, (schedule, data) =>
  schedule.scheduleDue(data?.today),
) {}
