import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig, ConfigModule } from '@app/config';
import { CoreModule } from '@app/core';
import { QueueName, RedisHealthIndicator, redisConnection } from '@app/queue';
import { HANDLERS } from './handlers';
import { WorkerHealthController } from './health/worker-health.controller';
import { JOB_HANDLERS } from './job-handler';
import { JobRegistry } from './job-registry';
import { WorkerMetrics } from './observability/worker-metrics';
import { WorkerMetricsController } from './observability/worker-metrics.controller';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { QUEUE_PROCESSORS } from './processors/queue.processors';
import { SchedulerService } from './scheduler.service';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ pinoHttp: { level: config.logLevel, autoLogging: false } }),
    }),
    CoreModule,
    TerminusModule,
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ connection: redisConnection(config.redisUrl), prefix: config.queuePrefix }),
    }),
    BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
  ],
  controllers: [WorkerHealthController, WorkerMetricsController],
  providers: [
    ...HANDLERS,
    { provide: JOB_HANDLERS, useFactory: (...handlers: unknown[]) => handlers, inject: HANDLERS },
    JobRegistry,
    WorkerMetrics,
    ...QUEUE_PROCESSORS,
    OutboxRelay,
    SchedulerService,
    RedisHealthIndicator,
  ],
})
export class WorkerModule {}
