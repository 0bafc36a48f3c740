import { Body, Controller, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { CommuneCommandRunner } from '../commune-command.runner';
import { NisParam } from '../nis.param';
import { OpenCandidacyRequestDto } from '../dto/open-candidacy.request.dto';
import { RecordCouncilResolutionRequestDto } from '../dto/record-council-resolution.request.dto';

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

  @CommandEndpoint('council-resolutions', 'commune.write', 'Enregistrer la délibération du conseil communal (critère 1)')
  recordCouncilResolution(
    @Param('nis', NisParam) nis: string,
    @Body() body: RecordCouncilResolutionRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'RecordCouncilResolution', data: body }, request, reply);
  }
}
