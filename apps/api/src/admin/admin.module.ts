import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, TokenService } from '@cdce/auth';
import { PROBLEM_CONTENT_TYPE, problemType } from '../http/problem';
import { AuthModule } from '../auth/auth.module';
import { AdminHttpController } from './admin.http.controller';
import { renderQueueDashboard } from './queue-dashboard.page';
import { QueueDashboardService } from './queue-dashboard.service';

/**
 * The queue dashboard: JSON under `/api/admin/…` (Nest controllers behind the token guard) and the HTML page at
 * `/admin/queues`, outside the API prefix, checked with the same tokens and the same permission (`queues.admin`).
 */
@Module({
  imports: [AuthModule],
  providers: [QueueDashboardService],
  controllers: [AdminHttpController],
})
export class AdminModule implements OnModuleInit {
  private readonly logger = new Logger('Admin');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly tokens: TokenService,
    private readonly dashboard: QueueDashboardService,
  ) {}

  onModuleInit(): void {
    const instance = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!instance) return; // an application context without HTTP
    instance.get('/admin/queues', (request, reply) => this.page(request, reply));
  }

  private async page(request: FastifyRequest, reply: FastifyReply) {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    const principal = match ? await this.tokens.verify(match[1]!) : null;
    if (!principal) return problem(reply, 401, 'UNAUTHENTICATED', 'Send a token: Authorization: Bearer <token>.');
    if (!can(principal, 'queues.admin'))
      return problem(reply, 403, 'FORBIDDEN', `This token (${principal.role}) may not queues.admin.`);
    try {
      const html = renderQueueDashboard(await this.dashboard.dashboard());
      return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    } catch (error) {
      this.logger.error(`/admin/queues: ${(error as Error).stack ?? String(error)}`);
      return problem(reply, 500, 'INTERNAL_ERROR', 'The queue dashboard could not be built; see the server log.');
    }
  }
}

function problem(reply: FastifyReply, status: number, code: string, detail: string) {
  const title = status === 401 ? 'Authentification requise' : status === 403 ? 'Accès refusé' : 'Erreur interne';
  return reply
    .status(status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send({ type: problemType(code), title, status, code, detail, instance: '/admin/queues' });
}
