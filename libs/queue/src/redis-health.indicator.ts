import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@app/config';

/** Terminus check that Redis answers PING within 2 s; its own connection, failing fast. */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
    this.redis.on('error', () => undefined); // reported by the check, not thrown
  }

  async check(key = 'redis'): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    try {
      if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect().catch(() => undefined);
      const pong = await Promise.race([this.redis.ping(), new Promise<string>((_, rej) => setTimeout(() => rej(new Error('timeout')), 2000))]);
      return pong === 'PONG' ? indicator.up() : indicator.down({ message: `unexpected answer ${pong}` });
    } catch (e) {
      return indicator.down({ message: (e as Error).message });
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
