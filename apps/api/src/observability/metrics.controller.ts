import { Controller, Get, Header, Res } from '@nestjs/common';
import { Public } from '../auth/access.decorators';
import { ApiMetrics } from './api-metrics';

/**
 * GET /metrics: Prometheus text format, PUBLIC like /health. Chosen over ADMIN-only because
 * Prometheus scrapes without a login (our JWTs expire), and nothing here identifies a person,
 * case or unit: counts and latencies by operation name (capped), case steps and cases by stage.
 * In production keep /metrics off the public internet at the reverse proxy (allow the scraper only).
 */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ApiMetrics) {}

  @Public()
  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res({ passthrough: true }) res: { header(name: string, value: string): unknown }): Promise<string> {
    res.header('Content-Type', this.metrics.contentType);
    return this.metrics.scrape();
  }
}
