import { Injectable } from '@nestjs/common';
import { RewardScheduleService, RewardsService } from '@app/core';
import { JobName, JobPayloads } from '@app/queue';
import { JobHandler } from '../job-handler';

@Injectable()
export class EvaluateRewardsHandler implements JobHandler<JobName.EVALUATE_REWARDS> {
  readonly jobName = JobName.EVALUATE_REWARDS;
  constructor(private readonly rewards: RewardsService) {}

  /** Idempotent: a redelivered job updates the same PROPOSED rows and leaves decided ones alone. */
  async handle(data: JobPayloads[JobName.EVALUATE_REWARDS]) {
    const nominations = await this.rewards.evaluateScheduled(data.orgUnitId, data.occasion, data.year);
    return { nominations: nominations.length }; // kept small: the result is stored in Redis
  }
}

@Injectable()
export class ScheduleRewardEvaluationsHandler implements JobHandler<JobName.SCHEDULE_REWARD_EVALUATIONS> {
  readonly jobName = JobName.SCHEDULE_REWARD_EVALUATIONS;
  constructor(private readonly schedule: RewardScheduleService) {}

  handle(data: JobPayloads[JobName.SCHEDULE_REWARD_EVALUATIONS]) {
    return this.schedule.scheduleDue(data?.today);
  }
}
