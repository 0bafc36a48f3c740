import { applyDecorators, Delete, HttpCode, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Permission } from '@cdce/auth';
import { Requires } from '../auth/requires.decorator';
import { CommandResponseDto } from './command-response.dto';

/**
 * One endpoint per command on a commune: POST, 200 with the recorded events, the permission it needs, and the
 * documented headers and errors. `summary` is shown in the OpenAPI page (in French, for the coordination).
 */
export function CommandEndpoint(route: string, permission: Permission, summary: string, description?: string) {
  return commandEndpoint(Post(route), permission, summary, description);
}

/** The same for a command that removes something (`DELETE copil/members/:personId`). */
export function DeleteCommandEndpoint(route: string, permission: Permission, summary: string, description?: string) {
  return commandEndpoint(Delete(route), permission, summary, description);
}

function commandEndpoint(method: MethodDecorator, permission: Permission, summary: string, description?: string) {
  return applyDecorators(
    method,
    HttpCode(200),
    Requires(permission),
    ApiOperation({ summary, ...(description ? { description } : {}) }),
    ApiParam({ name: 'nis', description: 'Code NIS de la commune (5 chiffres)', example: '92094' }),
    ApiHeader({ name: 'If-Match', required: false, description: 'Révision vue par le client ("12") : refus 409 si la commune a changé depuis' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Clé unique par commande : un renvoi rend la première réponse sans rien enregistrer' }),
    ApiOkResponse({ type: CommandResponseDto, description: 'Événements enregistrés ; en-tête ETag = nouvelle révision' }),
    ApiNotFoundResponse({ description: 'Commune inconnue' }),
    ApiConflictResponse({ description: 'La commune a changé depuis la révision envoyée (If-Match)' }),
    ApiUnprocessableEntityResponse({ description: 'Refus métier, avec son code stable' }),
  );
}
