import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Req,
  Res,
  UnprocessableEntityException,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import type { Principal } from '@cdce/auth';
import type { PeopleDirectory } from '@cdce/people';
import { CLOCK, type Clock, PEOPLE_DIRECTORY } from '@cdce/platform';
import { SqliteReadModelStore } from '@cdce/projections';
import { invitedCommunes, isValidWebinarId } from '@cdce/webinars';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { Requires } from '../auth/requires.decorator';
import { NisParam } from '../communes/nis.param';
import {
  CancelWebinarRequestDto,
  RecordAttendanceRequestDto,
  RegisterForWebinarRequestDto,
  RescheduleWebinarRequestDto,
  ScheduleWebinarRequestDto,
} from './dto/webinar.request.dto';
import { UpcomingWebinarDto, WebinarCommandResponseDto } from './dto/webinar.response.dto';
import { WebinarCalendarReadModel } from './webinar-calendar.read-model';
import { WebinarCommandRunner } from './webinar-command.runner';

const WebinarIdParam = ApiParam({ name: 'webinarId', description: 'Identifiant du webinaire', example: '2026-04' });
const CommandHeaders = [
  ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'Révision vue par le client : refus 409 si le webinaire a changé',
  }),
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Clé unique par commande : un renvoi n’enregistre rien deux fois',
  }),
  ApiOkResponse({
    type: WebinarCommandResponseDto,
    description: 'Événements enregistrés ; en-tête ETag = nouvelle révision',
  }),
  ApiConflictResponse({ description: 'Le webinaire a changé depuis la révision envoyée (If-Match)' }),
  ApiUnprocessableEntityResponse({ description: 'Refus métier, avec son code stable (WEBINAR_IN_THE_PAST…)' }),
];
const commandDocs = (): MethodDecorator => (target, key, descriptor) => {
  CommandHeaders.forEach((decorate) => decorate(target, key, descriptor));
};

/**
 * The monthly thematic webinars: the coordination plans them and records who attended; COPILs see what is coming and
 * register their members. Who is invited is the application's answer (candidates and titled communes), never the
 * client's.
 */
@ApiTags('webinaires')
@Controller('webinars')
export class WebinarsHttpController {
  constructor(
    private readonly runner: WebinarCommandRunner,
    private readonly calendar: WebinarCalendarReadModel,
    private readonly readModels: SqliteReadModelStore,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Requires('commune.read', 'list')
  @ApiOperation({
    summary: 'Webinaires à venir',
    description: 'Les webinaires programmés et pas encore terminés, du plus proche au plus lointain.',
  })
  @ApiOkResponse({ type: [UpcomingWebinarDto] })
  upcoming(@Req() request: AuthenticatedRequest): UpcomingWebinarDto[] {
    const principal = request.principal as Principal;
    const mine = (nis: string) => principal.role !== 'copil' || principal.communes.includes(nis);
    return this.calendar.calendar.upcoming(this.clock.now()).map((webinar) => ({
      webinarId: webinar.webinarId,
      theme: webinar.theme,
      startsAt: webinar.startsAt,
      endsAt: webinar.endsAt,
      invitedCount: webinar.invited.length,
      invited: webinar.invited.filter(mine),
      registrations: webinar.registrations.filter((r) => mine(r.nis)).map((r) => ({ ...r })),
    }));
  }

  @Post()
  @HttpCode(200)
  @Requires('commune.review', 'global')
  @ApiOperation({
    summary: 'Programmer un webinaire',
    description: 'Coordination. Les invitations partent ensuite avec « Envoyer les invitations ».',
  })
  @commandDocs()
  schedule(
    @Body() body: ScheduleWebinarRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const webinarId = body.webinarId ?? monthOf(body.startsAt);
    return this.runner.run(
      webinarId,
      {
        type: 'ScheduleWebinar',
        data: {
          webinarId,
          theme: body.theme,
          startsAt: body.startsAt,
          ...(body.durationMinutes !== undefined ? { durationMinutes: body.durationMinutes } : {}),
          organiserId: (request.principal as Principal).tokenId,
        },
      },
      request,
      reply,
    );
  }

  @Post(':webinarId/rescheduling')
  @HttpCode(200)
  @Requires('commune.review', 'global')
  @ApiOperation({
    summary: 'Déplacer un webinaire',
    description: 'Coordination. Les communes déjà invitées reçoivent une invitation mise à jour (.ics).',
  })
  @WebinarIdParam
  @commandDocs()
  reschedule(
    @Param('webinarId') webinarId: string,
    @Body() body: RescheduleWebinarRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(checked(webinarId), { type: 'RescheduleWebinar', data: body }, request, reply);
  }

  @Post(':webinarId/cancellation')
  @HttpCode(200)
  @Requires('commune.review', 'global')
  @ApiOperation({
    summary: 'Annuler un webinaire',
    description: 'Coordination. Les communes invitées reçoivent une annulation (.ics).',
  })
  @WebinarIdParam
  @commandDocs()
  cancel(
    @Param('webinarId') webinarId: string,
    @Body() body: CancelWebinarRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(checked(webinarId), { type: 'CancelWebinar', data: body }, request, reply);
  }

  @Post(':webinarId/invitations')
  @HttpCode(200)
  @Requires('commune.review', 'global')
  @ApiOperation({
    summary: 'Envoyer les invitations',
    description:
      "Coordination. Invite les communes candidates et titrées de l'annuaire qui ne l'ont pas encore été ; chaque COPIL reçoit un courriel avec le fichier .ics.",
  })
  @WebinarIdParam
  @commandDocs()
  invite(
    @Param('webinarId') webinarId: string,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const communes = invitedCommunes(this.readModels);
    return this.runner.run(
      checked(webinarId),
      { type: 'SendInvitations', data: { invitationId: randomUUID(), communes } },
      request,
      reply,
    );
  }

  @Post(':webinarId/communes/:nis/registrations')
  @HttpCode(200)
  @Requires('commune.write')
  @ApiOperation({
    summary: 'Inscrire une personne de la commune',
    description: "COPIL ou coordination. La personne doit figurer dans l'annuaire de la commune.",
  })
  @WebinarIdParam
  @ApiParam({ name: 'nis', description: 'Code NIS de la commune', example: '92094' })
  @commandDocs()
  async register(
    @Param('webinarId') webinarId: string,
    @Param('nis', NisParam) nis: string,
    @Body() body: RegisterForWebinarRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.ofCommune(nis, body.personId);
    return this.runner.run(
      checked(webinarId),
      { type: 'RegisterForWebinar', data: { nis, personId: body.personId } },
      request,
      reply,
    );
  }

  @Post(':webinarId/attendance')
  @HttpCode(200)
  @Requires('commune.review', 'global')
  @ApiOperation({
    summary: 'Enregistrer les présences',
    description: 'Coordination, après le webinaire : les personnes présentes pour une commune.',
  })
  @WebinarIdParam
  @commandDocs()
  recordAttendance(
    @Param('webinarId') webinarId: string,
    @Body() body: RecordAttendanceRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(checked(webinarId), { type: 'RecordWebinarAttendance', data: body }, request, reply);
  }

  /** A COPIL registers its own people only: the person must be in the directory for that commune. */
  private async ofCommune(nis: string, personId: string): Promise<void> {
    const entry = await this.people.get(personId);
    if (entry.status !== 'active' || !entry.communes.includes(nis)) {
      throw new UnprocessableEntityException({
        code: 'PERSON_NOT_IN_COMMUNE',
        detail: `${personId} is not a contact of commune ${nis}: add the person to the commune's directory first.`,
      });
    }
  }
}

/** The month of the start in Brussels (`2026-04`): the id the monthly programme would give it. */
function monthOf(startsAt: string): string {
  return DateTime.fromISO(startsAt, { setZone: true }).setZone('Europe/Brussels').toFormat('yyyy-MM');
}

function checked(webinarId: string): string {
  if (!isValidWebinarId(webinarId)) {
    throw new UnprocessableEntityException({
      code: 'INVALID_WEBINAR',
      detail: `${JSON.stringify(webinarId)} cannot name a webinar: use lowercase letters, digits and dashes.`,
    });
  }
  return webinarId;
}
