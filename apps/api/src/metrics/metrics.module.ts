import { Module } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@cdce/eventsourcing';
import { Projector } from '@cdce/projections';
import { ReadModelsModule } from '../read-models/read-models.module';
import { createMetricsRegistry } from './metrics';
import { MetricsHttpController } from './metrics.http.controller';
import { METRICS_REGISTRY } from './metrics.module.tokens';

@Module({
  imports: [ReadModelsModule],
  providers: [
    {
      provide: METRICS_REGISTRY,
      inject: [EVENT_STORE, Projector],
      useFactory: (store: EventStore, projector: Projector) => createMetricsRegistry(store, projector),
    },
  ],
  controllers: [MetricsHttpController],
})
export class MetricsModule {}
