import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '@cdce/eventsourcing';
import { CLOCK, type Clock } from '@cdce/platform';
import { Projector } from '@cdce/projections';
import { Public } from '../http/public.decorator';
import { projectorHealth } from './projector-health';

@ApiTags('santé')
@Controller('health')
export class HealthHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projector: Projector,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Public()
  @Get()
  @ApiOperation({
    summary:
      'État du moteur : position du journal, et pour chaque projection sa position, son retard (en événements), le temps depuis sa dernière mise à jour et son erreur éventuelle',
  })
  @ApiOkResponse({ description: 'status ok (à jour) ou catching_up (en rattrapage)' })
  @ApiServiceUnavailableResponse({
    description: 'status failed : une projection a échoué, les vues ne suivent plus le journal',
  })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const health = projectorHealth(this.projector.status(), await this.store.headPosition(), this.clock.now());
    if (health.status === 'failed') reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return health;
  }
}
