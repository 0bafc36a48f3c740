import { BadRequestException, Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Principal } from '@cdce/auth';
import { type CommuneCommandInput, type CommuneCommandResult, ExecuteCommuneCommand } from '@cdce/communes';
import { CLOCK, type Clock } from '@cdce/platform';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { IdempotencyStore } from '../http/idempotency.store';
import { ReadYourWrites } from '../read-models/read-your-writes';
import type { CommandResponseDto } from './command-response.dto';

/**
 * What every command endpoint does around the command bus: If-Match → expected revision, Idempotency-Key →
 * replayed response, actor from the token, ETag with the new revision, and waiting for the read models to show
 * the change before answering (read-your-writes).
 */
@Injectable()
export class CommuneCommandRunner {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly idempotency: IdempotencyStore,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(nis: string, input: CommuneCommandInput, request: AuthenticatedRequest, reply: FastifyReply): Promise<CommandResponseDto> {
    const principal = request.principal as Principal;
    const key = header(request, 'idempotency-key');
    const scopedKey = key === undefined ? undefined : IdempotencyStore.scopedKey(principal.tokenId, checkedKey(key));
    const fingerprint = IdempotencyStore.fingerprint(request.method, request.url, request.body);
    if (scopedKey) {
      const stored = this.idempotency.find(scopedKey);
      if (stored) return this.replay(stored.fingerprint, fingerprint, stored.body as CommandResponseDto, reply);
    }
    const expectedRevision = parseIfMatch(header(request, 'if-match'));
    const commandId = scopedKey ? `idem-${scopedKey.slice(0, 40)}` : randomUUID();
    const result = await this.commandBus.execute<ExecuteCommuneCommand, CommuneCommandResult>(
      new ExecuteCommuneCommand(nis, input, {
        actor: { id: principal.tokenId, role: principal.role },
        commandId,
        correlationId: header(request, 'x-correlation-id') ?? commandId,
        ...(expectedRevision !== undefined ? { expectedRevision } : {}),
      }),
    );
    await this.readYourWrites.waitFor(result.position);
    const body = toResponse(nis, result);
    if (scopedKey) this.idempotency.save(scopedKey, { fingerprint, status: 200, body }, this.clock.now());
    reply.header('etag', `"${body.revision}"`);
    return body;
  }

  private replay(storedFingerprint: string, fingerprint: string, body: CommandResponseDto, reply: FastifyReply) {
    if (storedFingerprint !== fingerprint) {
      throw new UnprocessableEntityException({
        code: 'IDEMPOTENCY_KEY_REUSED',
        detail: 'This Idempotency-Key was already used for another request. Use a new key for a new command.',
      });
    }
    reply.header('idempotent-replayed', 'true').header('etag', `"${body.revision}"`);
    return body;
  }
}

function toResponse(nis: string, result: CommuneCommandResult): CommandResponseDto {
  return {
    nis,
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

function header(request: AuthenticatedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function checkedKey(key: string): string {
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new BadRequestException({ code: 'INVALID_IDEMPOTENCY_KEY', detail: 'Idempotency-Key must be 1 to 200 visible ASCII characters, e.g. a UUID.' });
  }
  return key;
}

/** `"12"`, `W/"12"` or `12` → 12n; `*` or nothing → no expectation. */
export function parseIfMatch(value: string | undefined): bigint | undefined {
  if (value === undefined || value.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(-1|\d{1,18})"?\s*$/.exec(value);
  if (!match) {
    throw new BadRequestException({
      code: 'INVALID_IF_MATCH',
      detail: `If-Match must be the revision you saw, as returned in ETag (e.g. "12"), not ${JSON.stringify(value)}.`,
    });
  }
  return BigInt(match[1]!);
}
