import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from '@cdce/auth';

export const REQUIRED_PERMISSION = 'cdce:requires';

export interface Requirement {
  readonly permission: Permission;
  /**
   * `commune` (default when the route has a `:nis` parameter): checked for that commune.
   * `list`: the caller needs the permission on at least one commune; the handler narrows what it returns.
   * `global`: a permission that concerns the whole deployment (tokens, queues).
   */
  readonly scope: 'commune' | 'list' | 'global';
}

/** Declares who may call an endpoint. The guard refuses any endpoint that declares nothing and is not @Public(). */
export const Requires = (permission: Permission, scope: Requirement['scope'] = 'commune') =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, { permission, scope } satisfies Requirement),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Jeton absent, inconnu ou révoqué' }),
    ApiForbiddenResponse({ description: `Ce jeton n'a pas la permission ${permission}` }),
  );
