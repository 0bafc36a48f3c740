import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Principal } from '@cdce/auth';
import { ExecuteWebinarCommand, type WebinarCommandInput, type WebinarCommandResult } from '@cdce/webinars';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { parseIfMatch } from '../communes/commune-command.runner';
import { ReadYourWrites } from '../read-models/read-your-writes';
import type { WebinarCommandResponseDto } from './dto/webinar.response.dto';
import { WebinarCalendarReadModel } from './webinar-calendar.read-model';

/**
 * Around the command bus for webinar commands: actor from the token, If-Match → expected revision, Idempotency-Key
 * → fixed command id (a resent request records nothing twice), ETag, and read-your-writes on the webinar calendar.
 */
@Injectable()
export class WebinarCommandRunner {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    private readonly calendar: WebinarCalendarReadModel,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  async run(
    webinarId: string,
    input: WebinarCommandInput,
    request: AuthenticatedRequest,
    reply: FastifyReply,
  ): Promise<WebinarCommandResponseDto> {
    const principal = request.principal as Principal;
    const key = header(request, 'idempotency-key');
    const commandId = key && /^[\x21-\x7e]{1,200}$/.test(key) ? `idem-${principal.tokenId}-${key}` : randomUUID();
    const expectedRevision = parseIfMatch(header(request, 'if-match'));
    const result = await this.commands.execute<ExecuteWebinarCommand, WebinarCommandResult>(
      new ExecuteWebinarCommand(webinarId, input, {
        actor: { id: principal.tokenId, role: principal.role },
        commandId,
        correlationId: header(request, 'x-correlation-id') ?? commandId,
        ...(expectedRevision !== undefined ? { expectedRevision } : {}),
      }),
    );
    await Promise.all([this.calendar.waitFor(result.position), this.readYourWrites.waitFor(result.position)]);
    reply.header('etag', `"${result.revision}"`);
    return {
      webinarId,
      revision: result.revision.toString(),
      status: result.state.status,
      alreadyHandled: result.alreadyHandled,
      events: result.events.map((event) => ({
        type: event.type,
        revision: event.revision.toString(),
        position: event.position.toString(),
        data: event.data,
        recordedAt: event.metadata.recordedAt,
      })),
    };
  }
}

function header(request: AuthenticatedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
