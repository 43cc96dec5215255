import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AuthService, poolOf } from '@app/core';
import { ACTOR_CHANNEL, ACTOR_NOTICE, onServerNotice } from '@app/persistence';

/** A lost connection is tried again after this, doubling up to MAX_RETRY_MS. */
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;
/** A connection that answers no ping within PING_TIMEOUT_MS is taken as lost (its notifications may be). */
const PING_EVERY_MS = 10_000;
const PING_TIMEOUT_MS = 5_000;
/** A connection's orderly end waits at most this; then its socket is dropped (a server that does not answer). */
const END_WITHIN_MS = 1_000;

/** Ends `client`, dropping its socket if the server has not answered within `ms` (shutdown must not hang on it). */
async function endWithin(client: Client, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  await Promise.race([client.end().catch(() => undefined), late]);
  clearTimeout(timer);
  (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}

/**
 * Keeps the callers' cache (AuthService.callers) honest: a connection of its own LISTENs to the database's account
 * changes, and the cache is trusted only while that connection is up and answers its pings; lost, the cache is off
 * (every request reads its caller, as without it) until the connection is back. docs/architecture.md#the-callers-cache.
 */
@Injectable()
export class ActorChangeListener implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('CallersCache');
  private client: Client | null = null;
  private closing = false;
  private retryMs = FIRST_RETRY_MS;
  private retry: NodeJS.Timeout | null = null;
  private ping: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private outage = false;

  constructor(
    private readonly auth: AuthService,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    if (!this.config.callersCache) return Promise.resolve();
    // This process's own changes, heard before their commit is answered (see ActorCache).
    this.unsubscribe = onServerNotice(ACTOR_NOTICE, (key) => this.auth.callers.changing(key));
    return this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    this.unsubscribe?.();
    if (this.retry) clearTimeout(this.retry);
    if (this.ping) clearInterval(this.ping);
    this.auth.callers.stop();
    const c = this.client;
    this.client = null;
    if (c) await endWithin(c, END_WITHIN_MS);
  }

  private async connect(): Promise<void> {
    if (this.closing) return;
    const client = new Client({ ...poolOf(this.db).options, application_name: 'cdcs-actor-listener', keepAlive: true });
    client.on('error', () => this.lost(client, 'connection error'));
    client.on('end', () => this.lost(client, 'connection closed'));
    client.on('notification', (n) => {
      if (n.channel === ACTOR_CHANNEL && n.payload) this.auth.callers.changed(n.payload);
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${ACTOR_CHANNEL}`);
    } catch (e) {
      this.lost(client, (e as Error).message);
      return;
    }
    if (this.client !== client || this.closing) return;
    this.auth.callers.start();
    this.retryMs = FIRST_RETRY_MS;
    if (this.outage) this.logger.log('listening to account changes again: callers are cached');
    this.outage = false;
    this.ping = setInterval(() => void this.checkAlive(client), PING_EVERY_MS);
    this.ping.unref();
  }

  private async checkAlive(client: Client): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to a ping within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
      timer.unref();
    });
    try {
      await Promise.race([client.query('SELECT 1'), timeout]);
    } catch (e) {
      this.lost(client, (e as Error).message);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stops trusting the cache at once, then tries again (each connection is given up once). */
  private lost(client: Client, why: string): void {
    if (this.client !== client) return;
    this.client = null;
    this.auth.callers.stop();
    if (this.ping) clearInterval(this.ping);
    this.ping = null;
    void endWithin(client, END_WITHIN_MS);
    if (this.closing) return;
    if (!this.outage) this.logger.warn(`not listening to account changes (${why}): every request reads its caller until it is back`);
    this.outage = true;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, this.retryMs);
    this.retry.unref();
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }
}
