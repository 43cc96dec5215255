// Pure domain rules of the CĐCS pipeline: no Nest, no TypeORM, no I/O, no clock.
export * from './case-stage';
export * from './stage-labels';
export * from './case-transitions';
export * from './calendar-days';
export * from './working-calendar';
export * from './holiday-data';
export * from './sla';
export * from './eligibility';
export * from './periods';
export * from './report-math';
export * from './report-text';
export * from './reward-rules';
export * from './tax-code';
export * from './text-fold';
export * from './account-password-rules';
export * from './lateness';
export * from './refusal-labels';
