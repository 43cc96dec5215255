export * from './backup';
export * from './pg-binaries';
