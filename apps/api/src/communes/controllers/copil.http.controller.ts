import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { brusselsDate } from '@cdce/communes';
import { CLOCK, type Clock } from '@cdce/platform';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { CommuneCommandRunner } from '../commune-command.runner';
import { NisParam } from '../nis.param';
import { AddCopilMemberRequestDto } from '../dto/add-copil-member.request.dto';
import { AdoptCopilCharterRequestDto } from '../dto/adopt-copil-charter.request.dto';
import { PersonIdParam } from '../dto/person-id.param';
import { RecordCopilMeetingRequestDto } from '../dto/record-copil-meeting.request.dto';
import { RemoveCopilMemberRequestDto } from '../dto/remove-copil-member.request.dto';
import { DeleteCommandEndpoint } from '../command-endpoint.decorator';

/** The steering committee (criterion 5): members, charter, meetings. */
@ApiTags('comité de pilotage')
@Controller('communes/:nis/copil')
export class CopilHttpController {
  constructor(
    private readonly runner: CommuneCommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @CommandEndpoint('members', 'commune.write', 'Ajouter un membre au comité de pilotage (critère 5)')
  addMember(
    @Param('nis', NisParam) nis: string,
    @Body() body: AddCopilMemberRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'AddCopilMember', data: body }, request, reply);
  }

  @DeleteCommandEndpoint('members/:personId', 'commune.write', 'Retirer un membre du comité de pilotage')
  @ApiParam({ name: 'personId', description: 'Identifiant de la personne', example: 'p-anne-dupont' })
  removeMember(
    @Param('nis', NisParam) nis: string,
    @Param('personId', PersonIdParam) personId: string,
    @Body() body: RemoveCopilMemberRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const leftOn = body.leftOn ?? brusselsDate(this.clock.now().toISOString());
    return this.runner.run(nis, { type: 'RemoveCopilMember', data: { personId, leftOn } }, request, reply);
  }

  @CommandEndpoint('charter', 'commune.write', 'Adopter (ou réviser) la charte du comité de pilotage')
  adoptCharter(
    @Param('nis', NisParam) nis: string,
    @Body() body: AdoptCopilCharterRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'AdoptCopilCharter', data: body }, request, reply);
  }

  @CommandEndpoint('meetings', 'commune.write', 'Enregistrer une réunion du comité de pilotage')
  recordMeeting(
    @Param('nis', NisParam) nis: string,
    @Body() body: RecordCopilMeetingRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'RecordCopilMeeting', data: body }, request, reply);
  }
}
