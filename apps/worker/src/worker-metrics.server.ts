import { createServer, type Server } from 'node:http';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { Metrics, mayScrapeMetrics } from '@keyport/observability';

/**
 * A worker running as its own process has no HTTP API; with METRICS_PORT set it serves its
 * Prometheus text (driver calls, outbox depth) at `/metrics` on that port, and `/health/live`.
 */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerMetricsServer.name);
  private server?: Server;

  constructor(
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.observability.metricsPort === 0) return;
    const token = this.config.observability.metricsToken;
    this.server = createServer((request, response) => {
      if (request.url === '/health/live') {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
        return;
      }
      if (request.url !== '/metrics') {
        response.writeHead(404, { 'content-type': 'application/json' }).end('{"statusCode":404,"error":"Not Found","message":"Not found"}');
        return;
      }
      if (!mayScrapeMetrics(request.headers.authorization, token)) {
        response
          .writeHead(401, { 'content-type': 'application/json' })
          .end('{"statusCode":401,"error":"Unauthorized","message":"Missing or invalid metrics token"}');
        return;
      }
      this.metrics.render().then(
        (text) => response.writeHead(200, { 'content-type': this.metrics.contentType }).end(text),
        () => response.writeHead(503).end(),
      );
    });
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- assigned above; the callback does not keep the narrowing
    await new Promise<void>((resolve) => this.server!.listen(this.config.observability.metricsPort, this.config.host, resolve));
    const address = this.server.address();
    this.logger.log(`Worker metrics on port ${address !== null && typeof address === 'object' ? address.port : '?'}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
