// Nest 12 ships ESM only; jest runs CommonJS, so @nestjs/* are transformed by swc too.
const swcTs = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const swcJs = ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }];
const common = {
  transform: { '^.+\\.ts$': swcTs, '^.+\\.m?js$': swcJs },
  // So are path-to-regexp 9 and content-disposition 3, inside @fastify/middie and @fastify/static, and quick-lru,
  // which mercurius loads by a dynamic import() (transformed, it becomes a require).
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|mercurius|quick-lru|@fastify/middie|@fastify/static|path-to-regexp|content-disposition)/)'],
  moduleNameMapper: {
    '^@app/domain$': '<rootDir>/libs/domain/src/index.ts',
    '^@app/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
    '^@app/config$': '<rootDir>/libs/config/src/index.ts',
    '^@app/persistence$': '<rootDir>/libs/persistence/src/index.ts',
    '^@app/queue$': '<rootDir>/libs/queue/src/index.ts',
    '^@app/core$': '<rootDir>/libs/core/src/index.ts',
    '^@app/core/(.*)$': '<rootDir>/libs/core/src/$1',
  },
  testEnvironment: 'node',
  rootDir: __dirname,
};
module.exports = {
  // Integration tests boot real apps on a 2-core machine next to Postgres and Redis: give hooks room.
  testTimeout: 30_000,
  // Jest keeps each finished file's modules alive in its worker (jest#11956; ~60 MB per browser suite here), so a
  // worker that ran many files ends near 1 GB of heap and takes over jest's 500 ms to exit ("failed to exit
  // gracefully"). A worker past this heap after a file is swapped for a fresh one.
  workerIdleMemoryLimit: '512MB',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      setupFiles: ['<rootDir>/test/worker-env.ts'],
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ],
};
