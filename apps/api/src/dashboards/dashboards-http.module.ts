import { Module } from '@nestjs/common';
import { CommunesModule } from '@cdce/communes';
import { MetricsModule } from '../metrics/metrics.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { CommunePartnersHttpController } from './controllers/commune-partners.http.controller';
import { DashboardHttpController } from './controllers/dashboard.http.controller';
import { DashboardQueries } from './dashboard-queries';

/** Dashboards, review queue, partners and activity over this node's read models; also brings /metrics. */
@Module({
  imports: [CommunesModule, ReadModelsModule, MetricsModule],
  providers: [DashboardQueries],
  controllers: [DashboardHttpController, CommunePartnersHttpController],
})
export class DashboardsHttpModule {}
