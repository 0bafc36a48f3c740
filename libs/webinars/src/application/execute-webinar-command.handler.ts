import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type CommandContext,
  EVENT_STORE,
  type EventStore,
  handleCommand,
  StreamStateCache,
} from '@cdce/eventsourcing';
import { CLOCK, type Clock } from '@cdce/platform';
import type { WebinarCommand } from '../domain/webinar.commands';
import { webinarDecider } from '../domain/webinar.decider';
import type { Webinar } from '../domain/webinar.state';
import { webinarStreamId } from '../domain/webinar-stream';
import { ExecuteWebinarCommand, type WebinarCommandResult } from './execute-webinar-command';

/** Without If-Match the caller asked for "the latest state": re-deciding after a concurrent write is then safe. */
const RETRIES_WITHOUT_IF_MATCH = 3;

/** The adapter between the command bus and the webinar decider: stamps `now`, then read → decide → append. */
@CommandHandler(ExecuteWebinarCommand)
export class ExecuteWebinarCommandHandler implements ICommandHandler<ExecuteWebinarCommand, WebinarCommandResult> {
  /** Folded webinars kept between commands: a command reads only what was appended since. */
  private readonly cache = new StreamStateCache<Webinar>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ webinarId, input, meta }: ExecuteWebinarCommand): Promise<WebinarCommandResult> {
    const command = { ...input, now: this.clock.now().toISOString() } as WebinarCommand;
    const context: CommandContext = {
      actor: meta.actor,
      commandId: meta.commandId,
      correlationId: meta.correlationId,
      causationId: meta.causationId ?? meta.commandId,
    };
    return handleCommand(this.store, webinarStreamId(webinarId), webinarDecider, command, {
      context,
      cache: this.cache,
      ...(meta.expectedRevision !== undefined
        ? { expectedRevision: meta.expectedRevision }
        : { retriesOnConflict: RETRIES_WITHOUT_IF_MATCH }),
    });
  }
}
