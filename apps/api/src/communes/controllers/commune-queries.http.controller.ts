import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { can, type Principal } from '@cdce/auth';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import { Requires } from '../../auth/requires.decorator';
import { CommuneQueries } from '../commune-queries';
import { ListCommunesQueryDto, StateAtQueryDto } from '../dto/list-communes.query.dto';
import { NisParam } from '../nis.param';

@ApiTags('communes')
@Controller('communes')
export class CommuneQueriesHttpController {
  constructor(private readonly queries: CommuneQueries) {}

  @Get()
  @Requires('commune.read', 'list')
  @ApiOperation({ summary: 'Lister les communes de la campagne (filtres : statut, province, région, nom)' })
  @ApiOkResponse({ description: 'Communes et total ; un jeton COPIL ne voit que ses communes' })
  list(@Query() query: ListCommunesQueryDto, @CurrentPrincipal() principal: Principal) {
    const everything = can(principal, 'commune.read');
    return this.queries.list(query, everything ? undefined : principal.communes);
  }

  @Get(':nis')
  @Requires('commune.read')
  @ApiOperation({ summary: "État actuel d'une commune (en-tête ETag = révision)" })
  async state(@Param('nis', NisParam) nis: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const state = await this.queries.state(nis);
    reply.header('etag', `"${state.revision}"`);
    return state;
  }

  @Get(':nis/state')
  @Requires('history.read')
  @ApiOperation({ summary: "État d'une commune à une révision ou à une date passée" })
  stateAt(@Param('nis', NisParam) nis: string, @Query() query: StateAtQueryDto) {
    return this.queries.state(nis, query);
  }

  @Get(':nis/history')
  @Requires('history.read')
  @ApiOperation({
    summary: "Historique complet d'une commune : événements, qui, quand, et vérification de la chaîne d'empreintes",
  })
  history(@Param('nis', NisParam) nis: string) {
    return this.queries.history(nis);
  }
}
