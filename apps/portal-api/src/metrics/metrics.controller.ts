import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { unauthenticated } from '@keyport/common';
import { AppConfig } from '@keyport/config';
import { Metrics, mayScrapeMetrics } from '@keyport/observability';
import { Public } from '../auth/public.decorator';
import { NoRateLimit } from '../protection/no-rate-limit.decorator';

/**
 * Prometheus text for the scraper. An operator endpoint, not part of the client API (so not in the
 * OpenAPI document); with METRICS_TOKEN set it needs that bearer token.
 */
@ApiExcludeController()
@Public()
@NoRateLimit()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    if (!mayScrapeMetrics(authorization, this.config.observability.metricsToken)) throw unauthenticated('Missing or invalid metrics token');
    void reply.header('content-type', this.metrics.contentType);
    return this.metrics.render();
  }
}
