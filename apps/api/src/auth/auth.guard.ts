import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { can, type Principal, TokenService } from '@cdce/auth';
import { IS_PUBLIC } from '../http/public.decorator';
import { REQUIRED_PERMISSION, type Requirement } from './requires.decorator';

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/** Bearer token → principal → the permission the endpoint declares. Fails closed. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request);
    const requirement = this.reflector.getAllAndOverride<Requirement | undefined>(REQUIRED_PERMISSION, targets);
    if (!requirement) {
      this.logger.error(`${request.method} ${request.url} declares no permission: refused`);
      throw new ForbiddenException({ code: 'FORBIDDEN', detail: 'This endpoint declares no permission and is closed.' });
    }
    if (!this.allows(principal, requirement, request)) {
      throw new ForbiddenException({
        code: 'FORBIDDEN',
        detail: `This token (${principal.role}) may not ${requirement.permission}${this.communeOf(request) ? ` for commune ${this.communeOf(request)}` : ''}. Ask the coordination for a token with the right role.`,
      });
    }
    request.principal = principal;
    return true;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<Principal> {
    const header = request.headers.authorization;
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    const principal = match ? await this.tokens.verify(match[1]!) : null;
    if (!principal) {
      throw new UnauthorizedException({
        code: 'UNAUTHENTICATED',
        detail: header
          ? 'The bearer token is unknown or revoked. Ask an administrator for a new one (cdce tokens create).'
          : 'Send a token: Authorization: Bearer <token>.',
      });
    }
    return principal;
  }

  private allows(principal: Principal, { permission, scope }: Requirement, request: AuthenticatedRequest): boolean {
    if (scope === 'global') return can(principal, permission);
    if (scope === 'list') return can(principal, permission) || principal.communes.some((nis) => can(principal, permission, nis));
    const nis = this.communeOf(request);
    return nis !== undefined && can(principal, permission, nis);
  }

  private communeOf(request: AuthenticatedRequest): string | undefined {
    const params = request.params as Record<string, string> | undefined;
    return params?.nis;
  }
}
