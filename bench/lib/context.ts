import { INestApplication } from '@nestjs/common';
import { Pool } from 'pg';
import { Host } from './children';
import { CpuUse } from './cpu';
import { GqlClient } from './http';
import { World } from '../seed';
import type { SoakReport } from '../suites/soak-checks';

export interface Scale {
  name: 'small' | 'full';
  rounds: number;
  /** Seconds per measured run of the closed-loop benchmarks. */
  transitionSeconds: number;
  readSeconds: number;
  warmupSeconds: number;
  concurrencies: number[];
  readConcurrencies: number[];
  casesPerClient: number;
  officersPerUnit: number;
  /** Open cases when the reads and the first sweep run. */
  openCases: number;
  recognized: number;
  closed: number;
  preexistingUnions: number;
  /** Open cases of the second sweep. */
  bigOpenCases: number;
  /** Members of the first figures run, and of the second (if its seeding is estimated within maxSeedMinutes). */
  members: number;
  bigMembers: number;
  maxSeedMinutes: number;
  workerJobs: number;
  outboxRows: number;
  /** Rows of the register import (half new enterprises, half updates). */
  importRows: number;
  /** Length of the soak's load (BENCH_SOAK_SECONDS overrides it, up to 600): with boot, drain and checks within 10 min. */
  soakSeconds: number;
}

export const SCALES: Record<Scale['name'], Scale> = {
  full: {
    name: 'full',
    rounds: 3,
    transitionSeconds: 4,
    readSeconds: 3,
    warmupSeconds: 1,
    concurrencies: [1, 16, 64],
    readConcurrencies: [1, 8],
    casesPerClient: 64,
    officersPerUnit: 20,
    openCases: 100_000,
    recognized: 10_000,
    closed: 5_000,
    preexistingUnions: 10_000,
    bigOpenCases: 1_000_000,
    members: 1_000_000,
    bigMembers: 10_000_000,
    maxSeedMinutes: 10,
    workerJobs: 5_000,
    outboxRows: 5_000,
    importRows: 20_000,
    soakSeconds: 480,
  },
  small: {
    name: 'small',
    rounds: 3,
    transitionSeconds: 1,
    readSeconds: 1,
    warmupSeconds: 0.3,
    concurrencies: [1, 16, 64],
    readConcurrencies: [1, 8],
    casesPerClient: 16,
    officersPerUnit: 5,
    openCases: 10_000,
    recognized: 1_000,
    closed: 500,
    preexistingUnions: 1_000,
    bigOpenCases: 50_000,
    members: 100_000,
    bigMembers: 400_000,
    maxSeedMinutes: 1,
    workerJobs: 1_000,
    outboxRows: 1_000,
    importRows: 5_000,
    soakSeconds: 60,
  },
};

/** One measured comparison: medians of the rounds, system and baseline side by side. */
export interface Row {
  section: string;
  name: string;
  /** What the baseline is, in a few words. */
  baseline: string;
  unit: 'ops/s' | 'ms' | 'jobs/s';
  /** Medians; for ops/s higher is better, for ms lower is better. */
  system: number;
  base: number;
  /** system/base for rates, base/system for times: ≥ 1 means the system is at least as fast. */
  ratio: number;
  p50?: number;
  p99?: number;
  baseP50?: number;
  baseP99?: number;
  rounds: { system: number[]; base: number[] };
  target?: { text: string; met: boolean };
  errors?: number;
  note?: string;
  /** CPU ms per operation: bench driver (load generator + in-process code + pg client), API process, Postgres backends. */
  cpu?: CpuUse;
  baseCpu?: CpuUse;
}

export interface Ctx {
  scale: Scale;
  url: string;
  redisUrl: string;
  queuePrefix: string;
  hostEnv: Record<string, string>;
  pg: Pool;
  world: World;
  app: INestApplication;
  api: Host;
  gql: GqlClient;
  rows: Row[];
  notes: string[];
  seeding: { what: string; ms: number }[];
  memory: { process: string; phase: string; rss: number; hwm: number }[];
  /** Single measurements that explain a ratio (no baseline): where the time of one request goes. */
  diagnostics: Diagnostic[];
  /** EXPLAIN ANALYZE output of the product's heaviest statements, for the appendix. */
  plans: { title: string; plan: string }[];
  /** The soak's figures and invariants (BENCH_ONLY=soak). */
  soak?: SoakReport;
  log: (msg: string) => void;
}

export interface Diagnostic {
  section: string;
  name: string;
  rate: number;
  p50: number;
  p99: number;
  cpu?: CpuUse;
}
