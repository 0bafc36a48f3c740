import { applyDecorators, Delete } from '@nestjs/common';
import type { Permission } from '@cdce/auth';
import { CommandEndpoint } from '../command-endpoint.decorator';

/**
 * {@link CommandEndpoint} for a command that removes something (`DELETE copil/members/:personId`): same permission,
 * headers, responses and documentation. `Delete` is applied after `CommandEndpoint`'s `Post` on purpose: Nest keeps
 * the last request method written on the handler, so the route is registered (and documented) as DELETE only.
 */
export function DeleteCommandEndpoint(route: string, permission: Permission, summary: string, description?: string) {
  return applyDecorators(CommandEndpoint(route, permission, summary, description), Delete(route));
}
