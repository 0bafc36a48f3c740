import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@cdce/eventsourcing';
import { Public } from '../http/public.decorator';

@ApiTags('santé')
@Controller('health')
export class HealthHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'État du moteur : position du journal des événements' })
  async health() {
    const head = await this.store.headPosition();
    return { status: 'ok', eventStore: { headPosition: head.toString() } };
  }
}
