import { Module } from '@nestjs/common';
import { WebinarsModule } from '@cdce/webinars';
import { ReadModelsModule } from '../read-models/read-models.module';
import { WebinarCalendarReadModel } from './webinar-calendar.read-model';
import { HttpCommandsModule } from '../http/http-commands.module';
import { WebinarCommandRunner } from './webinar-command.runner';
import { WebinarsHttpController } from './webinars.http.controller';

/** Webinar endpoints; the commune directory (for the invited communes) comes from this node's read models. */
@Module({
  imports: [WebinarsModule, ReadModelsModule, HttpCommandsModule],
  providers: [WebinarCalendarReadModel, WebinarCommandRunner],
  controllers: [WebinarsHttpController],
})
export class WebinarsHttpModule {}
