import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Principal, type Role, TokenService, type TokenInfo } from '@cdce/auth';
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
 * communes have tokens, nor for whom.
 */
@ApiTags('session')
@Controller('actors')
export class ActorsHttpController {
  constructor(private readonly tokens: TokenService) {}

  @Get()
  @Requires('history.read', 'list')
  @ApiOperation({ summary: 'Les auteurs possibles des événements : libellé et rôle de chaque jeton, révoqués compris' })
  @ApiOkResponse({ description: '{ actors: [{ id, label, role, revoked }] }' })
  async list(@CurrentPrincipal() principal: Principal): Promise<{ actors: Actor[] }> {
    const visible = (await this.tokens.list()).filter((token) => mayMeet(principal, token));
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

function mayMeet(principal: Principal, token: TokenInfo): boolean {
  if (token.role === 'auditor') return false;
  if (principal.role !== 'copil' || token.role !== 'copil') return true;
  return token.communes.some((nis) => principal.communes.includes(nis));
}
