import { BadRequestException, Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Principal } from '@cdce/auth';
import type { Actor, RecordedEvent } from '@cdce/eventsourcing';
import { CLOCK, type Clock } from '@cdce/platform';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { ReadYourWrites } from '../read-models/read-your-writes';
import { IdempotencyStore } from './idempotency.store';

/** What the HTTP edge tells a command handler about the request. */
export interface HttpCommandMeta {
  readonly actor: Actor;
  readonly commandId: string;
  readonly correlationId: string;
  readonly expectedRevision?: bigint;
}

export interface HttpCommandRun<Result, Body> {
  /** Sends the command (on the bus) with the request's metadata. */
  readonly execute: (meta: HttpCommandMeta) => Promise<Result>;
  /** The response body; its `revision` also becomes the ETag. */
  readonly toBody: (result: Result) => Body;
  /** Read models besides this node's projector that must show the command before the answer goes out. */
  readonly alsoWaitFor?: (position: bigint) => Promise<unknown>;
}

/**
 * What every command endpoint does around the command bus: If-Match → expected revision, Idempotency-Key →
 * the first response replayed (and a command id derived from the key, so that even a crash before the response was
 * stored cannot record the command twice), actor from the token, ETag with the new revision, and waiting for the
 * read models to show the change before answering (read-your-writes).
 */
@Injectable()
export class CommandHttpRunner {
  constructor(
    private readonly idempotency: IdempotencyStore,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run<Result extends { readonly position: bigint }, Body extends { readonly revision: string }>(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    { execute, toBody, alsoWaitFor }: HttpCommandRun<Result, Body>,
  ): Promise<Body> {
    const principal = request.principal as Principal;
    const key = header(request, 'idempotency-key');
    const scopedKey = key === undefined ? undefined : IdempotencyStore.scopedKey(principal.tokenId, checkedKey(key));
    // Only a keyed request is ever compared with a stored one.
    const fingerprint = scopedKey && IdempotencyStore.fingerprint(request.method, request.url, request.body);
    if (scopedKey && fingerprint) {
      const stored = this.idempotency.find(scopedKey);
      if (stored) return replay(stored.fingerprint, fingerprint, stored.body as Body, reply);
    }
    const expectedRevision = parseIfMatch(header(request, 'if-match'));
    const commandId = scopedKey ? `idem-${scopedKey.slice(0, 40)}` : randomUUID();
    const result = await execute({
      actor: { id: principal.tokenId, role: principal.role },
      commandId,
      correlationId: header(request, 'x-correlation-id') ?? commandId,
      ...(expectedRevision !== undefined ? { expectedRevision } : {}),
    });
    await Promise.all([this.readYourWrites.waitFor(result.position), alsoWaitFor?.(result.position)]);
    const body = toBody(result);
    if (scopedKey && fingerprint) this.idempotency.save(scopedKey, { fingerprint, status: 200, body }, this.clock.now());
    reply.header('etag', `"${body.revision}"`);
    return body;
  }
}

/** The recorded events as a command response lists them. */
export function recordedEventsBody(events: readonly RecordedEvent[]) {
  return events.map((event) => ({
    type: event.type,
    revision: event.revision.toString(),
    position: event.position.toString(),
    data: event.data,
    recordedAt: event.metadata.recordedAt,
  }));
}

function replay<Body extends { readonly revision: string }>(
  storedFingerprint: string,
  fingerprint: string,
  body: Body,
  reply: FastifyReply,
): Body {
  if (storedFingerprint !== fingerprint) {
    throw new UnprocessableEntityException({
      code: 'IDEMPOTENCY_KEY_REUSED',
      detail: 'This Idempotency-Key was already used for another request. Use a new key for a new command.',
    });
  }
  reply.header('idempotent-replayed', 'true').header('etag', `"${body.revision}"`);
  return body;
}

function header(request: AuthenticatedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function checkedKey(key: string): string {
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new BadRequestException({
      code: 'INVALID_IDEMPOTENCY_KEY',
      detail: 'Idempotency-Key must be 1 to 200 visible ASCII characters, e.g. a UUID.',
    });
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
