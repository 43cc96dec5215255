import { ConfigError, DEFAULT_PRODUCT_NAME, loadConfig } from './app-config';

describe('loadConfig: worker switches, outbox polling, dashboard directory, pool size', () => {
  it('defaults: schedulers and relay on, 250 ms poll, dashboard looked up, 10 connections', () => {
    const c = loadConfig({});
    expect(c.workerSchedulers).toBe(true);
    expect(c.outboxRelay).toBe(true);
    expect(c.outboxPollMs).toBe(250);
    expect(c.webDistDir).toBeNull();
    expect(c.dbPoolMax).toBe(10);
  });

  it('an empty value takes the default', () => {
    const c = loadConfig({ WORKER_SCHEDULERS: '', OUTBOX_RELAY: '', OUTBOX_POLL_MS: '', WEB_DIST_DIR: '  ', DB_POOL_MAX: '' });
    expect([c.workerSchedulers, c.outboxRelay, c.outboxPollMs, c.webDistDir, c.dbPoolMax]).toEqual([true, true, 250, null, 10]);
  });

  it('reads the switches as true or false', () => {
    expect(loadConfig({ WORKER_SCHEDULERS: 'false' }).workerSchedulers).toBe(false);
    expect(loadConfig({ WORKER_SCHEDULERS: '0' }).workerSchedulers).toBe(false);
    expect(loadConfig({ WORKER_SCHEDULERS: 'true' }).workerSchedulers).toBe(true);
    expect(loadConfig({ OUTBOX_RELAY: 'false' }).outboxRelay).toBe(false);
    expect(loadConfig({ OUTBOX_RELAY: 'yes' }).outboxRelay).toBe(true);
  });

  it('takes the given values', () => {
    const c = loadConfig({ OUTBOX_POLL_MS: '50', WEB_DIST_DIR: ' /srv/web ', DB_POOL_MAX: '25' });
    expect([c.outboxPollMs, c.webDistDir, c.dbPoolMax]).toEqual([50, '/srv/web', 25]);
  });

  it('stops the boot naming every bad one', () => {
    expect(() => loadConfig({ WORKER_SCHEDULERS: 'off' })).toThrow(/WORKER_SCHEDULERS/);
    expect(() => loadConfig({ OUTBOX_RELAY: 'maybe' })).toThrow(/OUTBOX_RELAY/);
    expect(() => loadConfig({ OUTBOX_POLL_MS: '5' })).toThrow(/OUTBOX_POLL_MS/);
    expect(() => loadConfig({ OUTBOX_POLL_MS: 'fast' })).toThrow(/OUTBOX_POLL_MS/);
    expect(() => loadConfig({ DB_POOL_MAX: '0' })).toThrow(/DB_POOL_MAX/);
    let error: unknown;
    try {
      loadConfig({ WORKER_SCHEDULERS: 'off', OUTBOX_POLL_MS: '-1', DB_POOL_MAX: 'ten' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^WORKER_SCHEDULERS /),
      expect.stringMatching(/^OUTBOX_POLL_MS /),
      expect.stringMatching(/^DB_POOL_MAX /),
    ]);
  });
});

describe('loadConfig: PRODUCT_NAME', () => {
  it('defaults to the Vietnamese name, also when empty', () => {
    expect(DEFAULT_PRODUCT_NAME).toBe('Phát triển đoàn viên – Thành lập CĐCS');
    expect(loadConfig({}).productName).toBe(DEFAULT_PRODUCT_NAME);
    expect(loadConfig({ PRODUCT_NAME: '   ' }).productName).toBe(DEFAULT_PRODUCT_NAME);
  });

  it('takes the given name, trimmed, its runs of spaces made one', () => {
    expect(loadConfig({ PRODUCT_NAME: '  Công đoàn   tỉnh Thái Bình ' }).productName).toBe('Công đoàn tỉnh Thái Bình');
  });

  it('refuses a name over 120 characters', () => {
    expect(() => loadConfig({ PRODUCT_NAME: 'x'.repeat(121) })).toThrow(/PRODUCT_NAME/);
    expect(loadConfig({ PRODUCT_NAME: 'x'.repeat(120) }).productName).toHaveLength(120);
  });
});

describe('loadConfig: database timeouts and backups', () => {
  it('defaults: 2 min statement timeout, 15 s lock timeout, ./backups keeping 7', () => {
    const c = loadConfig({});
    expect([c.dbStatementTimeoutMs, c.dbLockTimeoutMs, c.backupDir, c.backupKeep]).toEqual([120_000, 15_000, './backups', 7]);
  });

  it('takes the given values; 0 turns a timeout or the daily backup off', () => {
    const c = loadConfig({ DB_STATEMENT_TIMEOUT_MS: '0', DB_LOCK_TIMEOUT_MS: '5000', BACKUP_DIR: ' /srv/backups ', BACKUP_KEEP: '0' });
    expect([c.dbStatementTimeoutMs, c.dbLockTimeoutMs, c.backupDir, c.backupKeep]).toEqual([0, 5000, '/srv/backups', 0]);
  });

  it('refuses values that are not whole numbers in range', () => {
    expect(() => loadConfig({ DB_STATEMENT_TIMEOUT_MS: '1s' })).toThrow(/DB_STATEMENT_TIMEOUT_MS/);
    expect(() => loadConfig({ DB_LOCK_TIMEOUT_MS: '-1' })).toThrow(/DB_LOCK_TIMEOUT_MS/);
    expect(() => loadConfig({ BACKUP_KEEP: '1001' })).toThrow(/BACKUP_KEEP/);
  });
});

describe("loadConfig: the callers' cache", () => {
  it('is on unless CALLERS_CACHE says false; anything else is refused', () => {
    expect(loadConfig({}).callersCache).toBe(true);
    expect(loadConfig({ CALLERS_CACHE: 'false' }).callersCache).toBe(false);
    expect(() => loadConfig({ CALLERS_CACHE: 'maybe' })).toThrow(/CALLERS_CACHE/);
  });
});

describe('loadConfig: the read replica', () => {
  it('defaults: no replica, read-your-writes 5 s, retry after 5 s', () => {
    const c = loadConfig({ DATABASE_READ_URL: '  ' });
    expect([c.databaseReadUrl, c.readYourWritesMs, c.readReplicaRetryMs]).toEqual([null, 5000, 5000]);
  });

  it('takes a postgres URL and the windows', () => {
    const c = loadConfig({ DATABASE_READ_URL: ' postgres://reader@replica.internal:5432/cdcs ', READ_YOUR_WRITES_MS: '0', READ_REPLICA_RETRY_MS: '1000' });
    expect([c.databaseReadUrl, c.readYourWritesMs, c.readReplicaRetryMs]).toEqual(['postgres://reader@replica.internal:5432/cdcs', 0, 1000]);
  });

  it('refuses another protocol and values out of range, naming each', () => {
    expect(() => loadConfig({ DATABASE_READ_URL: 'mysql://replica/cdcs', READ_REPLICA_RETRY_MS: '5' })).toThrow(
      expect.objectContaining({
        problems: ['DATABASE_READ_URL must use postgres: or postgresql:, got "mysql:"', 'READ_REPLICA_RETRY_MS must be between 100 and 600000, got 5'],
      }),
    );
  });
});
