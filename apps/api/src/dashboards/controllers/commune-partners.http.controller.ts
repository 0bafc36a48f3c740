import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../auth/requires.decorator';
import { NisParam } from '../../communes/nis.param';
import { DashboardQueries } from '../dashboard-queries';
import { ReadModelPositionQueryDto } from '../dto/read-model-position.query.dto';

@ApiTags('communes')
@Controller('communes')
export class CommunePartnersHttpController {
  constructor(private readonly queries: DashboardQueries) {}

  @Get(':nis/partners')
  @Requires('commune.read')
  @ApiOperation({
    summary: 'Partenaires de la commune par type, comparés aux seuils de sa tranche de population (critères 2 et 3)',
  })
  async partners(@Param('nis', NisParam) nis: string, @Query() query: ReadModelPositionQueryDto) {
    await this.queries.fresh(query.minPosition);
    return this.queries.partners(nis);
  }
}
