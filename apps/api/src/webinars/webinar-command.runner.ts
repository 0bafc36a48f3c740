import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ExecuteWebinarCommand, type WebinarCommandInput, type WebinarCommandResult } from '@cdce/webinars';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { CommandHttpRunner, recordedEventsBody } from '../http/command-http.runner';
import type { WebinarCommandResponseDto } from './dto/webinar.response.dto';
import { WebinarCalendarReadModel } from './webinar-calendar.read-model';

/** A webinar command from an HTTP request to the command bus; answers once the webinar calendar shows it. */
@Injectable()
export class WebinarCommandRunner {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    private readonly calendar: WebinarCalendarReadModel,
    private readonly http: CommandHttpRunner,
  ) {}

  run(
    webinarId: string,
    input: WebinarCommandInput,
    request: AuthenticatedRequest,
    reply: FastifyReply,
  ): Promise<WebinarCommandResponseDto> {
    return this.http.run(request, reply, {
      execute: (meta) =>
        this.commands.execute<ExecuteWebinarCommand, WebinarCommandResult>(
          new ExecuteWebinarCommand(webinarId, input, meta),
        ),
      alsoWaitFor: (position) => this.calendar.waitFor(position),
      toBody: (result) => ({
        webinarId,
        revision: result.revision.toString(),
        status: result.state.status,
        alreadyHandled: result.alreadyHandled,
        events: recordedEventsBody(result.events),
      }),
    });
  }
}
