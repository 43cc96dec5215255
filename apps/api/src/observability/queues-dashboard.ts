import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance } from 'fastify';
import type { Queue } from 'bullmq';
import { AuthService, INTERNAL_ERROR_MESSAGE } from '@app/core';
import { QueueName, throttledErrorLog } from '@app/queue';
import { checkAdmin } from './admin-auth';

export const QUEUES_PATH = '/admin/queues';

/**
 * bull-board at /admin/queues for ADMINs (bearer token or the /admin/session cookie; others get
 * 401/403). Registered on the Fastify instance at module init, in a scope of its own whose
 * `onRequest` hook runs `checkAdmin` for every request: the AccessGuard does not see these routes.
 */
@Injectable()
export class QueuesDashboard implements OnModuleInit {
  private readonly logger = new Logger('QueuesDashboard');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly auth: AuthService,
  ) {}

  onModuleInit(): void {
    const queues = Object.values(QueueName).map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    // While Redis is away the queues' connections retry: say so in our log, throttled
    // (without a listener BullMQ prints every attempt to the console).
    for (const q of queues) q.on('error', throttledErrorLog({ warn: (m) => this.logger.warn(`Queue ${q.name} (dashboard only): ${m}`) }, 60_000));
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(QUEUES_PATH);
    createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter, options: { uiConfig: { boardTitle: 'CĐCS queues' } } });
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    void fastify.register(async (scope) => {
      scope.addHook('onRequest', async (req, reply) => {
        try {
          const check = await checkAdmin(this.auth, req);
          if (check.ok) return;
          return reply.status(check.status).header('Cache-Control', 'no-store').send({ code: check.code, message: check.message });
        } catch (e) {
          this.logger.error(e);
          return reply.status(500).send({ code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_ERROR_MESSAGE });
        }
      });
      await scope.register(serverAdapter.registerPlugin(), { prefix: QUEUES_PATH });
    });
  }
}
