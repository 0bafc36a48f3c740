import { Module } from '@nestjs/common';
import { CommunesModule } from '@cdce/communes';
import { PeopleHttpController } from './people.http.controller';

@Module({ imports: [CommunesModule], controllers: [PeopleHttpController] })
export class PeopleHttpModule {}
