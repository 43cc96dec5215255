export * from './queue-contracts';
