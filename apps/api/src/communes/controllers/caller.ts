import type { AuthenticatedRequest } from '../../auth/auth.guard';

/**
 * The caller's token id: the default reviewer or author of a coordination decision when the body names nobody.
 * The guard has authenticated the request before any handler runs, so a principal is always there.
 */
export function callerId(request: AuthenticatedRequest): string {
  if (!request.principal) throw new Error('callerId used on an endpoint without authentication');
  return request.principal.tokenId;
}
