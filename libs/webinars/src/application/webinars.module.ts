import { Module } from '@nestjs/common';
import { ExecuteWebinarCommandHandler } from './execute-webinar-command.handler';

/** The monthly webinars behind the command bus. Needs PlatformModule (event store, clock) and CqrsModule. */
@Module({ providers: [ExecuteWebinarCommandHandler] })
export class WebinarsModule {}
