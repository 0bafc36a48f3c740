import { Logger, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import * as fs from 'node:fs';
import type { AppConfig, Clock } from '@cdce/platform';
import { AppModule } from './app.module';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { createValidationPipe } from './http/validation.pipe';

export interface CreateAppOptions {
  readonly clock?: Clock;
  readonly logger?: LoggerService | false;
}

/** Builds the HTTP application (used by `main.ts` and by the end-to-end tests). */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, options.clock),
    new FastifyAdapter({ bodyLimit: 2 * 1024 * 1024 }),
    { logger: options.logger ?? new Logger(), abortOnError: false },
  );
  app.setGlobalPrefix('api', { exclude: ['health', 'metrics'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle('cdce — Communes du Commerce Équitable')
    .setDescription(
      "API du moteur de suivi des communes : commandes (une par action), état et historique d'une commune. " +
        'Chaque erreur est un `application/problem+json`. Envoyez `If-Match` avec la révision vue pour éviter les ' +
        'modifications concurrentes et `Idempotency-Key` pour rejouer une commande sans doublon.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  return app;
}
