import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Principal, type Role, TokenService, type TokenInfo } from '@cdce/auth';
import { MUNICIPALITIES } from '@cdce/communes';
import type { MunicipalityRegistry } from '@cdce/reference';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Requires } from '../auth/requires.decorator';

/** Who an event's `actor.id` (a token id) stands for, as people reading a history or a review queue want to see it. */
export interface Actor {
  readonly id: string;
  readonly label: string;
  readonly role: Role;
  /** Revoked tokens stay listed: past events still name them. */
  readonly revoked: boolean;
}

/**
 * The labels of the tokens that events and reviews name by id: those that can write (auditors' tokens never appear in
 * an event, so they are not listed). A COPIL token learns only the labels it may meet in its own communes'
 * histories: the coordination's and admins' tokens, and COPIL tokens sharing one of its communes — never which other
 * communes have tokens, nor for whom. A commune a merger dissolved counts as its successor: the successor's history
 * holds what the dissolved commune's COPIL recorded.
 */
@ApiTags('session')
@Controller('actors')
export class ActorsHttpController {
  constructor(
    private readonly tokens: TokenService,
    @Inject(MUNICIPALITIES) private readonly registry: MunicipalityRegistry,
  ) {}

  @Get()
  @Requires('history.read', 'list')
  @ApiOperation({ summary: 'Les auteurs possibles des événements : libellé et rôle de chaque jeton, révoqués compris' })
  @ApiOkResponse({ description: '{ actors: [{ id, label, role, revoked }] }' })
  async list(@CurrentPrincipal() principal: Principal): Promise<{ actors: Actor[] }> {
    const current = (nis: string) => this.registry.successorOf(nis)?.nis ?? nis;
    const own = new Set(principal.communes.map(current));
    const visible = (await this.tokens.list()).filter((token) => mayMeet(principal, token, own, current));
    return {
      actors: visible.map((token) => ({
        id: token.tokenId,
        label: token.label,
        role: token.role,
        revoked: token.revokedAt !== null,
      })),
    };
  }
}

/**
 * `own`: the principal's communes as they stand today; `current` gives the commune a NIS code stands for today (a
 * dissolved one's successor).
 */
function mayMeet(
  principal: Principal,
  token: TokenInfo,
  own: ReadonlySet<string>,
  current: (nis: string) => string,
): boolean {
  if (token.role === 'auditor') return false;
  if (principal.role !== 'copil' || token.role !== 'copil') return true;
  return token.communes.some((nis) => own.has(current(nis)));
}
