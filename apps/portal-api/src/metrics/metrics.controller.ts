import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { unauthenticated } from '@keyport/common';
import { AppConfig } from '@keyport/config';
import { Metrics } from '@keyport/observability';
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
    const token = this.config.observability.metricsToken;
    if (token !== undefined && !sameSecret(authorization ?? '', `Bearer ${token}`)) throw unauthenticated('Missing or invalid metrics token');
    void reply.header('content-type', this.metrics.contentType);
    return this.metrics.render();
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
