import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { brusselsDate } from '@cdce/communes';
import { CLOCK, type Clock } from '@cdce/platform';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { CommuneCommandRunner } from '../commune-command.runner';
import { NisParam } from '../nis.param';
import { RegisterPartnerRequestDto } from '../dto/register-partner.request.dto';
import { UuidParam } from '../dto/uuid.param';
import { WithdrawPartnerRequestDto } from '../dto/withdraw-partner.request.dto';
import { DeleteCommandEndpoint } from '../command-endpoint.decorator';

/** Shops, horeca, businesses, organisations and schools offering fair-trade products (criteria 2 and 3). */
@ApiTags('partenaires')
@Controller('communes/:nis/partners')
export class PartnersHttpController {
  constructor(
    private readonly runner: CommuneCommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @CommandEndpoint(
    '',
    'commune.write',
    'Inscrire un partenaire : commerce, horeca, entreprise, organisation ou école (critères 2 et 3)',
  )
  register(
    @Param('nis', NisParam) nis: string,
    @Body() body: RegisterPartnerRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'RegisterPartner', data: body }, request, reply);
  }

  @DeleteCommandEndpoint(':partnerId', 'commune.write', 'Retirer un partenaire')
  @ApiParam({ name: 'partnerId', description: 'Identifiant du partenaire (UUID)', format: 'uuid' })
  withdraw(
    @Param('nis', NisParam) nis: string,
    @Param('partnerId', UuidParam) partnerId: string,
    @Body() body: WithdrawPartnerRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const withdrawnOn = body.withdrawnOn ?? brusselsDate(this.clock.now().toISOString());
    return this.runner.run(
      nis,
      { type: 'WithdrawPartner', data: { partnerId, withdrawnOn, ...(body.reason ? { reason: body.reason } : {}) } },
      request,
      reply,
    );
  }
}
