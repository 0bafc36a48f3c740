import { Module } from '@nestjs/common';
import { CommunesModule } from '@cdce/communes';
import { HttpCommandsModule } from '../http/http-commands.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { CommuneCommandRunner } from './commune-command.runner';
import { CommuneQueries } from './commune-queries';
import { COMMUNE_CONTROLLERS } from './controllers';

@Module({
  imports: [CommunesModule, ReadModelsModule, HttpCommandsModule],
  providers: [CommuneCommandRunner, CommuneQueries],
  controllers: COMMUNE_CONTROLLERS,
})
export class CommunesHttpModule {}
