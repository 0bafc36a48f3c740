import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { type CommuneCommandInput, type CommuneCommandResult, ExecuteCommuneCommand } from '@cdce/communes';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { CommandHttpRunner, recordedEventsBody } from '../http/command-http.runner';
import type { CommandResponseDto } from './command-response.dto';

/** A commune command from an HTTP request to the command bus, and its result as the response. */
@Injectable()
export class CommuneCommandRunner {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly http: CommandHttpRunner,
  ) {}

  run(
    nis: string,
    input: CommuneCommandInput,
    request: AuthenticatedRequest,
    reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.http.run(request, reply, {
      execute: (meta) =>
        this.commandBus.execute<ExecuteCommuneCommand, CommuneCommandResult>(
          new ExecuteCommuneCommand(nis, input, meta),
        ),
      toBody: (result) => ({
        nis,
        revision: result.revision.toString(),
        status: result.state.status,
        alreadyHandled: result.alreadyHandled,
        events: recordedEventsBody(result.events),
      }),
    });
  }
}
