import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { can, type Principal } from '@cdce/auth';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import { Requires } from '../../auth/requires.decorator';
import { DashboardQueries } from '../dashboard-queries';
import { ActivityQueryDto, ReadModelPositionQueryDto, ReviewQueueQueryDto } from '../dto/read-model-position.query.dto';

/**
 * The coordination's views. Campaign-wide figures and the review queue are for the coordination, admins and
 * auditors (`global` scope: a COPIL token is refused, since both name other communes and their difficulties);
 * the activity feed is open to a COPIL but narrowed to its own communes.
 */
@ApiTags('tableaux de bord')
@ApiServiceUnavailableResponse({ description: 'READ_MODEL_BEHIND : les vues n’ont pas encore atteint `minPosition`' })
@Controller()
export class DashboardHttpController {
  constructor(private readonly queries: DashboardQueries) {}

  @Get('dashboard')
  @Requires('commune.read', 'global')
  @ApiOperation({
    summary:
      'Chiffres de la campagne : communes par statut, province et région, part de communes titrées, titres par année, délai médian jusqu’au titre, renouvellements à venir, communes en perte de vitesse',
  })
  @ApiOkResponse({ description: 'Chiffres calculés à l’instant de la requête' })
  async dashboard(@Query() query: ReadModelPositionQueryDto) {
    await this.queries.fresh(query.minPosition);
    return this.queries.dashboard();
  }

  @Get('review-queue')
  @Requires('commune.read', 'global')
  @ApiOperation({ summary: 'Dossiers en attente d’examen (candidatures et renouvellements), le plus ancien d’abord' })
  async reviewQueue(@Query() query: ReviewQueueQueryDto) {
    await this.queries.fresh(query.minPosition);
    return this.queries.reviewQueue({
      ...(query.limit !== undefined ? { limit: Number(query.limit) } : {}),
      ...(query.offset !== undefined ? { offset: Number(query.offset) } : {}),
    });
  }

  @Get('activity')
  @Requires('commune.read', 'list')
  @ApiOperation({
    summary: 'Activité récente de toutes les communes, la plus récente d’abord ; un COPIL ne voit que ses communes',
  })
  async activity(@Query() query: ActivityQueryDto, @CurrentPrincipal() principal: Principal) {
    // Read from the log: there is nothing to wait for, but a position the log never gave is still refused.
    await this.queries.inLog(query.minPosition);
    return this.queries.activity({
      ...(query.limit !== undefined ? { limit: Number(query.limit) } : {}),
      ...(query.before !== undefined ? { before: BigInt(query.before) } : {}),
      ...(can(principal, 'commune.read') ? {} : { onlyNis: principal.communes }),
    });
  }
}
