import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommunesModule } from '@cdce/communes';
import { JobsModule, type JobsModuleOptions } from '@cdce/jobs';
import { type AppConfig, type Clock, PlatformModule } from '@cdce/platform';

/** The worker process: no HTTP, only the jobs runtime over the shared event store. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: JobsModuleOptions = {}, clock?: Clock): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(config, clock ? { clock } : {}),
        CqrsModule.forRoot(),
        CommunesModule,
        JobsModule.forRoot(options),
      ],
    };
  }
}
