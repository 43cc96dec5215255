import { OpenStage } from '@app/domain';

/** Typed configuration, read once from the environment (the variable names are part of the contract). */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  /** API processes sharing PORT (node:cluster); 1 runs the API in this process. */
  apiProcesses: number;
  databaseUrl: string;
  /** A streaming replica of DATABASE_URL for the reads that may lag a few seconds (docs/architecture.md#read-replica); null: every read on the primary. */
  databaseReadUrl: string | null;
  /** After a user's write, how long that user's replica reads go to the primary (read-your-writes). */
  readYourWritesMs: number;
  /** After the replica failed, how long reads stay on the primary before it is tried again. */
  readReplicaRetryMs: number;
  /** Whether the API keeps its callers' rows while it LISTENs to their changes (CALLERS_CACHE; docs/architecture.md#the-callers-cache). */
  callersCache: boolean;
  redisUrl: string;
  queuePrefix: string;
  jwtSecret: string;
  jwtTtlSeconds: number;
  adminEmail: string | null;
  adminPassword: string | null;
  demoData: boolean;
  escalationSweepEveryMs: number;
  /** Connections the escalation sweep raises late cases on side by side (each a share of the cases). */
  escalationSweepLanes: number;
  smtpUrl: string | null;
  mailFrom: string;
  logLevel: string;
  workerHealthPort: number;
  loginMaxAttempts: number;
  loginWindowMs: number;
  /** Bound on a graceful shutdown (SIGTERM): in-flight requests and jobs get this long, then the process exits 1. */
  shutdownTimeoutMs: number;
  /** Working days allowed per open stage (SLA_<STAGE>_DAYS). */
  slaStageDays: Record<OpenStage, number>;
  minFoundingApplications: number;
  applicationDecisionDays: number;
  /** BullMQ job lock (WORKER_LOCK_DURATION_MS); a worker that dies mid-job has its job re-run after about this plus workerStalledIntervalMs (docs/architecture.md#jobs-and-idempotent-effects). */
  workerLockDurationMs: number;
  workerStalledIntervalMs: number;
  /** Whether this worker upserts the job schedulers (off for workers that must only process jobs, e.g. in benchmarks). */
  workerSchedulers: boolean;
  /** Whether this worker runs the outbox relay loop. */
  outboxRelay: boolean;
  /** The relay's pause when the outbox was empty (four times it while Redis is down). */
  outboxPollMs: number;
  /** Where the built dashboard is; null: apps/web/dist found from the working directory or the code's location. */
  webDistDir: string | null;
  /** Connections in each process's Postgres pool. */
  dbPoolMax: number;
  /** The product's name on the dashboard (title, login page, header), per deployment (PRODUCT_NAME). */
  productName: string;
  /** Postgres statement_timeout of the app's connections (DB_STATEMENT_TIMEOUT_MS; 0 = none): one stuck query cannot hold a pooled connection for ever. */
  dbStatementTimeoutMs: number;
  /** Postgres lock_timeout of the app's connections (DB_LOCK_TIMEOUT_MS; 0 = none). */
  dbLockTimeoutMs: number;
  /** Where `npm run backup` and the worker's daily backup write their dumps (BACKUP_DIR). */
  backupDir: string;
  /** How many dumps the daily backup keeps (BACKUP_KEEP; 0 = the worker makes no daily backup). */
  backupKeep: number;
}

export const DEV_JWT_SECRET = 'dev-only-secret-change-me';
/** PRODUCT_NAME's default; the dashboard has the same one for when it is served without the API (vite dev). */
export const DEFAULT_PRODUCT_NAME = 'Phát triển đoàn viên – Thành lập CĐCS';
export const MAX_PRODUCT_NAME_LENGTH = 120;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, def: number, problems: string[], min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (!/^\d+$/.test(raw.trim())) {
    problems.push(`${name} must be a whole number, got "${raw}"`);
    return def;
  }
  const n = Number(raw);
  if (n < min || n > max) problems.push(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

function bool(env: Env, name: string, def: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const v = raw.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  problems.push(`${name} must be true or false, got "${raw}"`);
  return def;
}

function url(env: Env, name: string, def: string, protocols: string[], problems: string[]): string {
  const raw = env[name]?.trim() || def;
  try {
    const u = new URL(raw);
    if (!protocols.includes(u.protocol)) problems.push(`${name} must use ${protocols.join(' or ')}, got "${u.protocol}"`);
  } catch {
    problems.push(`${name} is not a valid URL`);
  }
  return raw;
}

/** Validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnvRaw = env.NODE_ENV?.trim() || 'development';
  if (!['development', 'test', 'production'].includes(nodeEnvRaw)) {
    problems.push(`NODE_ENV must be development, test or production, got "${nodeEnvRaw}"`);
  }
  const nodeEnv = nodeEnvRaw as AppConfig['nodeEnv'];
  const jwtSecret = env.JWT_SECRET?.trim() || DEV_JWT_SECRET;
  if (nodeEnv === 'production' && (jwtSecret === DEV_JWT_SECRET || jwtSecret.length < 32)) {
    problems.push('JWT_SECRET must be set to a secret of at least 32 characters when NODE_ENV=production');
  }
  const adminEmail = env.ADMIN_EMAIL?.trim() || null;
  const adminPassword = env.ADMIN_PASSWORD ?? null;
  if (adminEmail && !/^[^@\s]+@[^@\s]+$/.test(adminEmail)) problems.push(`ADMIN_EMAIL is not an email address`);
  if (adminEmail && !adminPassword) problems.push('ADMIN_PASSWORD must be set when ADMIN_EMAIL is set');
  if (adminPassword && adminPassword.length < 8) problems.push('ADMIN_PASSWORD must have at least 8 characters');
  if (nodeEnv === 'production' && adminPassword === 'admin12345') {
    problems.push('ADMIN_PASSWORD must not be the demo password when NODE_ENV=production');
  }
  const queuePrefix = env.QUEUE_PREFIX?.trim() || 'cdcs';
  if (!/^[A-Za-z0-9_:{}.-]+$/.test(queuePrefix)) problems.push(`QUEUE_PREFIX may hold only letters, digits and _:{}.-`);
  const smtpRaw = env.SMTP_URL?.trim() || null;
  const readRaw = env.DATABASE_READ_URL?.trim() || null;
  const productName = env.PRODUCT_NAME?.trim().replace(/\s+/g, ' ') || DEFAULT_PRODUCT_NAME;
  if (productName.length > MAX_PRODUCT_NAME_LENGTH) problems.push(`PRODUCT_NAME must have at most ${MAX_PRODUCT_NAME_LENGTH} characters`);
  const config: AppConfig = {
    nodeEnv,
    port: int(env, 'PORT', 3000, problems, 1, 65535),
    apiProcesses: int(env, 'API_PROCESSES', 1, problems, 1, 64),
    databaseUrl: url(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/cdcs', ['postgres:', 'postgresql:'], problems),
    databaseReadUrl: readRaw ? url(env, 'DATABASE_READ_URL', readRaw, ['postgres:', 'postgresql:'], problems) : null,
    readYourWritesMs: int(env, 'READ_YOUR_WRITES_MS', 5000, problems, 0, 600_000),
    readReplicaRetryMs: int(env, 'READ_REPLICA_RETRY_MS', 5000, problems, 100, 600_000),
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:'], problems),
    queuePrefix,
    jwtSecret,
    jwtTtlSeconds: int(env, 'JWT_TTL_SECONDS', 8 * 3600, problems, 60),
    adminEmail,
    adminPassword,
    demoData: bool(env, 'DEMO_DATA', false, problems),
    callersCache: bool(env, 'CALLERS_CACHE', true, problems),
    escalationSweepEveryMs: int(env, 'ESCALATION_SWEEP_EVERY_MS', 300_000, problems, 1000),
    escalationSweepLanes: int(env, 'ESCALATION_SWEEP_LANES', 2, problems, 1, 16),
    smtpUrl: smtpRaw ? url(env, 'SMTP_URL', smtpRaw, ['smtp:', 'smtps:'], problems) : null,
    mailFrom: env.MAIL_FROM?.trim() || 'CĐCS Pipeline <no-reply@cdcs.local>',
    logLevel: env.LOG_LEVEL?.trim() || (nodeEnv === 'test' ? 'warn' : 'info'),
    workerHealthPort: int(env, 'WORKER_HEALTH_PORT', 3001, problems, 0, 65535),
    loginMaxAttempts: int(env, 'LOGIN_MAX_ATTEMPTS', 5, problems, 1),
    loginWindowMs: int(env, 'LOGIN_WINDOW_MS', 15 * 60_000, problems, 1000),
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, problems, 1000, 600_000),
    slaStageDays: {
      SURVEY: int(env, 'SLA_SURVEY_DAYS', 10, problems, 1, 365),
      OUTREACH: int(env, 'SLA_OUTREACH_DAYS', 20, problems, 1, 365),
      GUIDANCE: int(env, 'SLA_GUIDANCE_DAYS', 30, problems, 1, 365),
      FOUNDING_CEREMONY: int(env, 'SLA_FOUNDING_CEREMONY_DAYS', 20, problems, 1, 365),
      RECOGNITION_DECISION: int(env, 'SLA_RECOGNITION_DECISION_DAYS', 10, problems, 1, 365),
    },
    minFoundingApplications: int(env, 'MIN_FOUNDING_APPLICATIONS', 5, problems, 1, 1000),
    applicationDecisionDays: int(env, 'APPLICATION_DECISION_DAYS', 10, problems, 1, 365),
    workerLockDurationMs: int(env, 'WORKER_LOCK_DURATION_MS', 30_000, problems, 1000),
    workerStalledIntervalMs: int(env, 'WORKER_STALLED_INTERVAL_MS', 30_000, problems, 1000),
    workerSchedulers: bool(env, 'WORKER_SCHEDULERS', true, problems),
    outboxRelay: bool(env, 'OUTBOX_RELAY', true, problems),
    outboxPollMs: int(env, 'OUTBOX_POLL_MS', 250, problems, 10, 60_000),
    webDistDir: env.WEB_DIST_DIR?.trim() || null,
    dbPoolMax: int(env, 'DB_POOL_MAX', 10, problems, 1, 1000),
    productName,
    dbStatementTimeoutMs: int(env, 'DB_STATEMENT_TIMEOUT_MS', 120_000, problems, 0, 3_600_000),
    dbLockTimeoutMs: int(env, 'DB_LOCK_TIMEOUT_MS', 15_000, problems, 0, 3_600_000),
    backupDir: env.BACKUP_DIR?.trim() || './backups',
    backupKeep: int(env, 'BACKUP_KEEP', 7, problems, 0, 1000),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** For a process entry point: the configuration, or the list of bad variables on stderr and exit 78 (EX_CONFIG). */
export function loadConfigOrExit(env: Env = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exit(78);
  }
}
