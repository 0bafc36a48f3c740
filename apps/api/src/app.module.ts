import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommunesModule } from '@cdce/communes';
import { type AppConfig, type Clock, PlatformModule } from '@cdce/platform';
import { AuthModule } from './auth/auth.module';
import { CommunesHttpModule } from './communes/communes-http.module';
import { DashboardsHttpModule } from './dashboards/dashboards-http.module';
import { HealthHttpController } from './health/health.http.controller';
import { PeopleHttpModule } from './people/people-http.module';
import { ReadModelsModule } from './read-models/read-models.module';
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
        WebModule,
      ],
      controllers: [HealthHttpController],
    };
  }
}
