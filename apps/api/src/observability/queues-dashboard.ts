import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import { AuthService, INTERNAL_ERROR_MESSAGE } from '@app/core';
import { QueueName, throttledErrorLog } from '@app/queue';
import { HttpRequestLike, checkAdmin } from './admin-auth';

export const QUEUES_PATH = '/admin/queues';

type Res = { status(code: number): Res; json(body: unknown): void; setHeader(name: string, value: string): void };

/**
 * bull-board at /admin/queues for ADMINs (bearer token or the /admin/session cookie; others get
 * 401/403). Mounted on the Express instance at module init, like Apollo's middleware, ahead of
 * Nest's 404 handler; the AccessGuard does not see it, so `checkAdmin` guards every request.
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
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(QUEUES_PATH);
    createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter, options: { uiConfig: { boardTitle: 'CĐCS queues' } } });
    const guard = async (req: HttpRequestLike, res: Res, next: (e?: unknown) => void) => {
      try {
        const check = await checkAdmin(this.auth, req);
        if (check.ok) return next();
        res.setHeader('Cache-Control', 'no-store');
        return res.status(check.status).json({ code: check.code, message: check.message });
      } catch (e) {
        this.logger.error(e);
        return res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_ERROR_MESSAGE });
      }
    };
    this.adapterHost.httpAdapter.getInstance().use(QUEUES_PATH, guard, serverAdapter.getRouter());
  }
}
