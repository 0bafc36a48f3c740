import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Registry } from 'prom-client';
import { Public } from '../http/public.decorator';
import { METRICS_REGISTRY } from './metrics.module.tokens';

/**
 * GET /metrics in the Prometheus text format. Public, like /health: it shows positions and process figures, never
 * commune data. Where the port is reachable from outside, restrict /metrics at the reverse proxy.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsHttpController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Public()
  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
