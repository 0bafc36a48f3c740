import { Body, Controller, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { CommuneCommandRunner } from '../commune-command.runner';
import { NisParam } from '../nis.param';
import { AssignSponsorRequestDto } from '../dto/assign-sponsor.request.dto';
import { OpenSupportPlanRequestDto } from '../dto/open-support-plan.request.dto';
import { RaiseMomentumAlertRequestDto } from '../dto/raise-momentum-alert.request.dto';
import { RecordSupportActionRequestDto } from '../dto/record-support-action.request.dto';
import { RestoreMomentumRequestDto } from '../dto/restore-momentum.request.dto';

/** Titled communes losing momentum: alerts, a support plan with a sponsor commune, and the way back. */
@ApiTags('perte de vitesse')
@Controller('communes/:nis')
export class MomentumHttpController {
  constructor(private readonly runner: CommuneCommandRunner) {}

  @CommandEndpoint('momentum-alerts', 'commune.review', 'Lever une alerte de perte de vitesse')
  raiseAlert(
    @Param('nis', NisParam) nis: string,
    @Body() body: RaiseMomentumAlertRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'RaiseMomentumAlert', data: body }, request, reply);
  }

  @CommandEndpoint('support-plan', 'commune.review', "Ouvrir un plan d'accompagnement")
  openSupportPlan(
    @Param('nis', NisParam) nis: string,
    @Body() body: OpenSupportPlanRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'OpenSupportPlan', data: body }, request, reply);
  }

  @CommandEndpoint('sponsor', 'commune.review', 'Désigner une commune marraine (titrée)')
  assignSponsor(
    @Param('nis', NisParam) nis: string,
    @Body() body: AssignSponsorRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'AssignSponsor', data: { sponsorNis: body.sponsorNis } }, request, reply);
  }

  @CommandEndpoint('support-actions', 'commune.write', "Enregistrer une action du plan d'accompagnement")
  recordSupportAction(
    @Param('nis', NisParam) nis: string,
    @Body() body: RecordSupportActionRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'RecordSupportAction', data: body }, request, reply);
  }

  @CommandEndpoint('momentum/restoration', 'commune.review', 'Constater que la commune a retrouvé son élan')
  restore(
    @Param('nis', NisParam) nis: string,
    @Body() body: RestoreMomentumRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'RestoreMomentum', data: body }, request, reply);
  }
}
