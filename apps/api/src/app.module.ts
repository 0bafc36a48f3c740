import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommunesModule } from '@cdce/communes';
import { JobsModule, jobsOptionsFromEnv } from '@cdce/jobs';
import { type AppConfig, type Clock, PlatformModule } from '@cdce/platform';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { CommunesHttpModule } from './communes/communes-http.module';
import { DashboardsHttpModule } from './dashboards/dashboards-http.module';
import { HealthHttpController } from './health/health.http.controller';
import { PeopleHttpModule } from './people/people-http.module';
import { ReadModelsModule } from './read-models/read-models.module';
import { WebinarsHttpModule } from './webinars/webinars-http.module';
import { WebModule } from './web/web.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, clock ? { clock } : {}),
        CqrsModule.forRoot(),
        AuthModule,
        ReadModelsModule,
        CommunesModule,
        CommunesHttpModule,
        DashboardsHttpModule,
        PeopleHttpModule,
        WebinarsHttpModule,
        AdminModule,
        // `npm start` is API + worker in one process; production runs the API with CDCE_WORKER=off beside workers.
        ...(config.worker === 'embedded' ? [JobsModule.forRoot(jobsOptionsFromEnv())] : []),
        WebModule,
      ],
      controllers: [HealthHttpController],
    };
  }
}
