import { Controller, Get, Header, Res } from '@nestjs/common';
import { WorkerMetrics } from './worker-metrics';

/** GET /metrics on the worker's health port (bound to 127.0.0.1): public there, for the local scraper. */
@Controller('metrics')
export class WorkerMetricsController {
  constructor(private readonly metrics: WorkerMetrics) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res({ passthrough: true }) res: { setHeader(name: string, value: string): void }): Promise<string> {
    res.setHeader('Content-Type', this.metrics.contentType);
    return this.metrics.scrape();
  }
}
