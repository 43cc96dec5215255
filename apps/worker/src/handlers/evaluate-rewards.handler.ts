import { RewardsService } from '@app/core';
import { JobName } from '@app/queue';
import { auditedServiceJobHandler } from './service-job-handler';

/** Idempotent: a redelivered job updates the same PROPOSED rows and leaves decided ones alone. */
export class EvaluateRewardsHandler extends auditedServiceJobHandler(JobName.EVALUATE_REWARDS, RewardsService, async (rewards, data) => {
  const nominations = await rewards.evaluateScheduled(data.orgUnitId, data.occasion, data.year);
  return { nominations: nominations.length }; // kept small: the result is stored in Redis
}) {}
