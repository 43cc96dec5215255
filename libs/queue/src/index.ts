export * from './queue-contracts';
export * from './redis-connection';
export * from './redis-health.indicator';
export * from './error-log';
