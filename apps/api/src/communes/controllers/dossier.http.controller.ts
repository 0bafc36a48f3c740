import { Body, Controller, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { CommuneCommandRunner } from '../commune-command.runner';
import { NisParam } from '../nis.param';
import { ApproveDossierRequestDto } from '../dto/approve-dossier.request.dto';
import { CommentOnCriterionRequestDto } from '../dto/comment-on-criterion.request.dto';
import { RejectDossierRequestDto } from '../dto/reject-dossier.request.dto';
import { RequestChangesRequestDto } from '../dto/request-changes.request.dto';
import { StartReviewRequestDto } from '../dto/start-review.request.dto';
import { SubmitDossierRequestDto } from '../dto/submit-dossier.request.dto';
import { callerId } from './caller';

/** The candidacy dossier: submitted by the commune, reviewed criterion by criterion by the coordination. */
@ApiTags('dossier et examen')
@Controller('communes/:nis/dossier')
export class DossierHttpController {
  constructor(private readonly runner: CommuneCommandRunner) {}

  @CommandEndpoint(
    '',
    'commune.write',
    'Déposer le dossier de candidature',
    'Le serveur évalue les six critères avec la grille en vigueur et la population légale de la commune.',
  )
  submit(
    @Param('nis', NisParam) nis: string,
    @Body() body: SubmitDossierRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'SubmitDossier', data: body }, request, reply);
  }

  @CommandEndpoint('review', 'commune.review', "Commencer l'examen du dossier (désigner l'examinateur)")
  startReview(
    @Param('nis', NisParam) nis: string,
    @Body() body: StartReviewRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const reviewerId = body.reviewerId ?? callerId(request);
    return this.runner.run(nis, { type: 'StartReview', data: { reviewerId } }, request, reply);
  }

  @CommandEndpoint('comments', 'commune.review', 'Commenter un critère du dossier')
  comment(
    @Param('nis', NisParam) nis: string,
    @Body() body: CommentOnCriterionRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const data = { ...body, authorId: body.authorId ?? callerId(request) };
    return this.runner.run(nis, { type: 'CommentOnCriterion', data }, request, reply);
  }

  @CommandEndpoint(
    'changes-requested',
    'commune.review',
    'Demander des compléments, critère par critère, avec une échéance',
  )
  requestChanges(
    @Param('nis', NisParam) nis: string,
    @Body() body: RequestChangesRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'RequestChanges', data: body }, request, reply);
  }

  @CommandEndpoint('approval', 'commune.review', 'Approuver le dossier et attribuer le titre')
  approve(
    @Param('nis', NisParam) nis: string,
    @Body() body: ApproveDossierRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'ApproveDossier', data: body }, request, reply);
  }

  @CommandEndpoint('rejection', 'commune.review', 'Refuser le dossier (la commune reste candidate)')
  reject(
    @Param('nis', NisParam) nis: string,
    @Body() body: RejectDossierRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(nis, { type: 'RejectDossier', data: body }, request, reply);
  }
}
