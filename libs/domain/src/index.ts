// Pure domain rules of the CĐCS pipeline: no Nest, no TypeORM, no I/O, no clock.
export * from './case-stage';
export * from './case-transitions';
export * from './calendar-days';
export * from './working-calendar';
export * from './holiday-data';
export * from './calendar-day-rules';
export * from './sla';
export * from './eligibility';
export * from './periods';
export * from './report-math';
export * from './reward-rules';
export * from './tax-code';
export * from './text-fold';
export * from './account-password-rules';
