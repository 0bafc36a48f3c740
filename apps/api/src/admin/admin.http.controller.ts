import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { OutboxStatus } from '@cdce/mail';
import { Requires } from '../auth/requires.decorator';
import { InvalidRequestException } from '../http/invalid-request.exception';
import { QueueDashboardService } from './queue-dashboard.service';

const STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'sent', 'failed'];

/** The background work for the coordination (`queues.admin`): queues, pending jobs, mail outbox, retries. */
@ApiTags('administration')
@Controller('admin')
export class AdminHttpController {
  constructor(private readonly dashboard: QueueDashboardService) {}

  @Get('queues')
  @Requires('queues.admin', 'global')
  @ApiOperation({
    summary: 'Files de tâches',
    description:
      "Avec Redis : les files BullMQ (compteurs, tâches en échec et leur erreur). Sans Redis : les rappels en attente de l'exécuteur intégré et les prochaines tâches récurrentes.",
  })
  queues() {
    return this.dashboard.dashboard();
  }

  @Post('queues/:queue/jobs/:jobId/retry')
  @HttpCode(200)
  @Requires('queues.admin', 'global')
  @ApiOperation({ summary: 'Relancer une tâche en échec (BullMQ)' })
  @ApiParam({ name: 'queue', example: 'reminders' })
  @ApiServiceUnavailableResponse({ description: 'Pas de Redis configuré' })
  retryJob(@Param('queue') queue: string, @Param('jobId') jobId: string) {
    return this.dashboard.retryJob(queue, jobId);
  }

  @Get('outbox')
  @Requires('queues.admin', 'global')
  @ApiOperation({
    summary: "Boîte d'envoi des courriels",
    description: 'Compteurs par état et messages (filtrés par état si demandé).',
  })
  @ApiQuery({ name: 'status', required: false, enum: STATUSES })
  @ApiServiceUnavailableResponse({
    description: "Ce processus n'envoie pas les courriels (CDCE_WORKER=off ou CDCE_MAILER=off)",
  })
  outbox(@Query('status') status?: string) {
    // A mistyped status must not silently answer with every message, as if the filter had been applied.
    if (status !== undefined && !STATUSES.includes(status as OutboxStatus)) {
      throw new InvalidRequestException([
        {
          field: 'status',
          messages: [`${JSON.stringify(status)} is not a status: use one of ${STATUSES.join(', ')}.`],
        },
      ]);
    }
    return this.dashboard.outbox(status as OutboxStatus | undefined);
  }

  @Post('outbox/:id/retry')
  @HttpCode(200)
  @Requires('queues.admin', 'global')
  @ApiOperation({
    summary: 'Renvoyer un courriel en échec',
    description: 'Une nouvelle série de tentatives commence maintenant.',
  })
  retryMail(@Param('id') id: string) {
    return this.dashboard.retryMail(id);
  }
}
