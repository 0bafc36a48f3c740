import { Body, Controller, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { CommuneCommandRunner } from '../commune-command.runner';
import { NisParam } from '../nis.param';
import { DeclareTitleLapsedRequestDto } from '../dto/declare-title-lapsed.request.dto';
import { MergeIntoRequestDto } from '../dto/merge-into.request.dto';
import { RecordLocalElectionRequestDto } from '../dto/record-local-election.request.dto';
import { RelinquishTitleRequestDto } from '../dto/relinquish-title.request.dto';
import { WithdrawTitleRequestDto } from '../dto/withdraw-title.request.dto';

/** The end of a title (always a recorded human decision), municipal mergers and local elections. */
@ApiTags('fin du titre, fusion et élections')
@Controller('communes/:nis')
export class EndOfTitleHttpController {
  constructor(private readonly runner: CommuneCommandRunner) {}

  @CommandEndpoint('title/lapse', 'commune.review', 'Déclarer le titre échu (après sa date de fin)')
  declareLapsed(
    @Param('nis', NisParam) nis: string,
    @Body() body: DeclareTitleLapsedRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'DeclareTitleLapsed', data: body }, request, reply);
  }

  @CommandEndpoint('title/relinquishment', 'commune.write', 'Renoncer au titre (décision de la commune)')
  relinquish(
    @Param('nis', NisParam) nis: string,
    @Body() body: RelinquishTitleRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'RelinquishTitle', data: body }, request, reply);
  }

  @CommandEndpoint('title/withdrawal', 'commune.review', 'Retirer le titre (décision de la coordination)')
  withdraw(
    @Param('nis', NisParam) nis: string,
    @Body() body: WithdrawTitleRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'WithdrawTitle', data: body }, request, reply);
  }

  @CommandEndpoint(
    'merger',
    'commune.review',
    'Enregistrer la fusion de la commune dans une autre',
    "Clôt l'historique de cette commune ; la commune issue de la fusion reprend le titre encore valide.",
  )
  merge(
    @Param('nis', NisParam) nis: string,
    @Body() body: MergeIntoRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const data = { nis, successorNis: body.successorNis, effectiveOn: body.effectiveOn };
    return this.runner.run(nis, { type: 'MergeInto', data }, request, reply);
  }

  @CommandEndpoint(
    'local-elections',
    'commune.review',
    'Enregistrer des élections communales (la délibération devra être reconfirmée)',
  )
  recordLocalElection(
    @Param('nis', NisParam) nis: string,
    @Body() body: RecordLocalElectionRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'RecordLocalElection', data: body }, request, reply);
  }
}
