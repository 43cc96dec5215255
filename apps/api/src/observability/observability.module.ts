import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { CoreModule } from '@app/core';
import { QueueName, redisConnection } from '@app/queue';
import { AdminSessionController } from './admin-session.controller';
import { ApiMetrics } from './api-metrics';
import { MetricsController } from './metrics.controller';
import { QueuesDashboard } from './queues-dashboard';

/**
 * Operations on the API: GET /metrics (public, see MetricsController), the metrics (the GraphQL
 * server's hooks count into ApiMetrics, graphql-metrics.ts), and bull-board at /admin/queues for ADMINs. The queues are registered for the
 * dashboard only (producers: no processors here; jobs still go through the outbox).
 */
@Module({
  imports: [
    CoreModule,
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      // Not the worker's connection: fail fast instead of queueing commands while Redis is away.
      useFactory: (config: AppConfig) => ({ connection: redisConnection(config.redisUrl, false), prefix: config.queuePrefix }),
    }),
    BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
  ],
  controllers: [MetricsController, AdminSessionController],
  providers: [ApiMetrics, QueuesDashboard],
  exports: [ApiMetrics],
})
export class ObservabilityModule {}
