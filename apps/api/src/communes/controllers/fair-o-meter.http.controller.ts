import { Body, Controller, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { CommuneCommandRunner } from '../commune-command.runner';
import { NisParam } from '../nis.param';
import { RefuseRenewalRequestDto } from '../dto/refuse-renewal.request.dto';
import { RenewTitleRequestDto } from '../dto/renew-title.request.dto';
import { RequestFairOMeterRequestDto } from '../dto/request-fair-o-meter.request.dto';
import { ScoreFairOMeterRequestDto } from '../dto/score-fair-o-meter.request.dto';
import { SubmitFairOMeterRequestDto } from '../dto/submit-fair-o-meter.request.dto';
import { callerId } from './caller';

/** The biennial Fair-ô-mètre self-evaluation, which is the renewal dossier of a titled commune. */
@ApiTags('Fair-ô-mètre et renouvellement')
@Controller('communes/:nis')
export class FairOMeterHttpController {
  constructor(private readonly runner: CommuneCommandRunner) {}

  @CommandEndpoint(
    'fair-o-meter/request',
    'commune.review',
    'Demander le Fair-ô-mètre (ouvre la fenêtre de renouvellement)',
  )
  request(
    @Param('nis', NisParam) nis: string,
    @Body() body: RequestFairOMeterRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'RequestFairOMeter', data: body }, request, reply);
  }

  @CommandEndpoint(
    'fair-o-meter',
    'commune.write',
    'Remettre le Fair-ô-mètre : quatre blocs de 0 à 25 points et les chiffres clés',
  )
  submit(
    @Param('nis', NisParam) nis: string,
    @Body() body: SubmitFairOMeterRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'SubmitFairOMeter', data: body }, request, reply);
  }

  @CommandEndpoint('fair-o-meter/score', 'commune.review', 'Noter le Fair-ô-mètre (A à E)')
  score(
    @Param('nis', NisParam) nis: string,
    @Body() body: ScoreFairOMeterRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const data = { reviewerId: body.reviewerId ?? callerId(request), ...(body.grade ? { grade: body.grade } : {}) };
    return this.runner.run(nis, { type: 'ScoreFairOMeter', data }, request, reply);
  }

  @CommandEndpoint('title/renewal', 'commune.review', 'Renouveler le titre (nouveau cycle)')
  renew(
    @Param('nis', NisParam) nis: string,
    @Body() body: RenewTitleRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'RenewTitle', data: body }, request, reply);
  }

  @CommandEndpoint(
    'title/renewal-refusal',
    'commune.review',
    'Refuser le renouvellement (la commune passe en perte de vitesse)',
  )
  refuse(
    @Param('nis', NisParam) nis: string,
    @Body() body: RefuseRenewalRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'RefuseRenewal', data: body }, request, reply);
  }
}
