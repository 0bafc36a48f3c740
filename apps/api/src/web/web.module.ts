import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problemType } from '../http/problem';
import { NOT_BUILT_PAGE, resolveWebRoot, webTarget } from './web-app.files';
import { CommunesModule } from '@cdce/communes';
import { AuthModule } from '../auth/auth.module';
import { ActorsHttpController } from './actors.http.controller';
import { WebSessionHttpController } from './web-session.http.controller';

/**
 * Serves the coordination's web app (`apps/web/dist`) at `/`, with a fallback to `index.html` for the app's own
 * routes (`/communes/92094` reloaded in the browser). Paths under `/api` never fall back: an unknown API route
 * stays a problem+json 404. The route is a wildcard, so every route Nest registers (API, health, docs) wins over it.
 */
@Module({ imports: [AuthModule, CommunesModule], controllers: [WebSessionHttpController, ActorsHttpController] })
export class WebModule implements OnModuleInit {
  private readonly logger = new Logger('Web');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const instance = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const root = resolveWebRoot();
    // A child scope: `reply.sendFile` is decorated here only, beside the OpenAPI page's own static plugin.
    void instance.register(async (scope) => {
      await scope.register(fastifyStatic, { root, serve: false, decorateReply: true });
      scope.get('/*', (request, reply) => serve(root, request, reply));
      scope.get('/', (request, reply) => serve(root, request, reply));
    });
    this.logger.log(`web app served from ${root}`);
  }
}

function serve(root: string, request: FastifyRequest, reply: FastifyReply) {
  const url = request.url;
  if (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')) return apiNotFound(url, reply);
  const target = webTarget(root, url);
  switch (target.kind) {
    case 'not_built':
      return reply
        .status(503)
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(NOT_BUILT_PAGE);
    case 'file':
      return reply.sendFile(target.relative, root, {
        cacheControl: true,
        maxAge: target.immutable ? 365 * 24 * 3600 * 1000 : 0,
        immutable: target.immutable,
      });
    case 'index':
      return reply.header('cache-control', 'no-cache').sendFile('index.html', root, { cacheControl: false });
  }
}

function apiNotFound(url: string, reply: FastifyReply) {
  return reply
    .status(404)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send({
      type: problemType('NOT_FOUND'),
      title: 'Introuvable',
      status: 404,
      code: 'NOT_FOUND',
      detail: `No API route ${url.split('?')[0]}. See /api/docs for the routes this server offers.`,
      instance: url,
    });
}
