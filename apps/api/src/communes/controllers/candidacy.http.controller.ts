import { Body, Controller, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { CommuneCommandRunner } from '../commune-command.runner';
import { NisParam } from '../nis.param';
import { AbandonCandidacyRequestDto } from '../dto/abandon-candidacy.request.dto';
import { OpenCandidacyRequestDto } from '../dto/open-candidacy.request.dto';
import { ReconfirmCouncilResolutionRequestDto } from '../dto/reconfirm-council-resolution.request.dto';
import { RecordCommunicationActionRequestDto } from '../dto/record-communication-action.request.dto';
import { RecordCouncilResolutionRequestDto } from '../dto/record-council-resolution.request.dto';
import { RecordLocalProductActionRequestDto } from '../dto/record-local-product-action.request.dto';

/** The candidacy and the evidence of criteria 1, 4 and 6: the commune's own work. */
@ApiTags('candidature')
@Controller('communes/:nis')
export class CandidacyHttpController {
  constructor(private readonly runner: CommuneCommandRunner) {}

  @CommandEndpoint('candidacy', 'commune.write', 'Ouvrir la candidature de la commune')
  openCandidacy(
    @Param('nis', NisParam) nis: string,
    @Body() _body: OpenCandidacyRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'OpenCandidacy', data: { nis } }, request, reply);
  }

  @CommandEndpoint('candidacy/abandonment', 'commune.write', 'Abandonner la candidature (hors examen du dossier)')
  abandonCandidacy(
    @Param('nis', NisParam) nis: string,
    @Body() body: AbandonCandidacyRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'AbandonCandidacy', data: body }, request, reply);
  }

  @CommandEndpoint(
    'council-resolutions',
    'commune.write',
    'Enregistrer la délibération du conseil communal (critère 1)',
  )
  recordCouncilResolution(
    @Param('nis', NisParam) nis: string,
    @Body() body: RecordCouncilResolutionRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'RecordCouncilResolution', data: body }, request, reply);
  }

  @CommandEndpoint(
    'council-resolutions/reconfirmation',
    'commune.write',
    'Reconfirmer la délibération après les élections communales (critère 1)',
  )
  reconfirmCouncilResolution(
    @Param('nis', NisParam) nis: string,
    @Body() body: ReconfirmCouncilResolutionRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'ReconfirmCouncilResolution', data: body }, request, reply);
  }

  @CommandEndpoint('communication-actions', 'commune.write', 'Enregistrer une action de communication (critère 4)')
  recordCommunicationAction(
    @Param('nis', NisParam) nis: string,
    @Body() body: RecordCommunicationActionRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'RecordCommunicationAction', data: body }, request, reply);
  }

  @CommandEndpoint(
    'local-product-actions',
    'commune.write',
    'Enregistrer une action en faveur des produits locaux et durables (critère 6)',
  )
  recordLocalProductAction(
    @Param('nis', NisParam) nis: string,
    @Body() body: RecordLocalProductActionRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'RecordLocalProductAction', data: body }, request, reply);
  }
}
