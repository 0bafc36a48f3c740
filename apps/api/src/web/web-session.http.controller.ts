import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { permissionsOf, type Principal } from '@cdce/auth';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Requires } from '../auth/requires.decorator';

/**
 * Who the bearer token belongs to, so that the web app shows only what the token can use (a COPIL token sees no
 * review queue). Never a secret: the principal is what the server already puts in events' `actor`.
 */
@ApiTags('session')
@Controller('session')
export class WebSessionHttpController {
  @Get()
  @Requires('commune.read', 'list')
  @ApiOperation({ summary: 'Le porteur du jeton : rôle, communes autorisées, permissions' })
  @ApiOkResponse({ description: '{ tokenId, label, role, communes, permissions }' })
  session(@CurrentPrincipal() principal: Principal) {
    return {
      tokenId: principal.tokenId,
      label: principal.label,
      role: principal.role,
      communes: principal.communes,
      permissions: permissionsOf(principal.role),
    };
  }
}
