import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@cdce/auth';
import type { AuthenticatedRequest } from './auth.guard';

/** The principal the guard authenticated. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on an endpoint without authentication');
  return principal;
});
