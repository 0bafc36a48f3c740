import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MUNICIPALITIES } from '@cdce/communes';
import type { LocalisedName, MunicipalityNames, MunicipalityRegistry, Region } from '@cdce/reference';
import { Requires } from '../../auth/requires.decorator';

/** A municipality as the web app names it, in the reader's language. */
export interface MunicipalityReference {
  readonly nis: string;
  readonly names: MunicipalityNames;
  /** null for the Brussels communes, which belong to no province. */
  readonly province: LocalisedName | null;
  readonly region: Region;
  /** Set for a code a merger dissolved: histories still name it (the successor records its predecessors). */
  readonly successor?: string;
}

/**
 * The names of the campaign's municipalities in French, Dutch and German (and of their provinces), from the
 * reference data: queries answer with the French name, and a Dutch-speaking reader wants « Luik », « Henegouwen ».
 * Public reference data (Statbel), the same for every token: it may be cached.
 */
@ApiTags('communes')
@Controller('municipalities')
export class MunicipalitiesHttpController {
  constructor(@Inject(MUNICIPALITIES) private readonly registry: MunicipalityRegistry) {}

  @Get()
  @Requires('commune.read', 'list')
  @Header('cache-control', 'private, max-age=3600')
  @ApiOperation({ summary: 'Noms FR/NL/DE des communes de la campagne et de leurs provinces (données de référence)' })
  @ApiOkResponse({ description: '{ municipalities: [{ nis, names, province, region, successor? }] }' })
  list(): { municipalities: MunicipalityReference[] } {
    const current = this.registry.campaignMembers().map((m) => ({
      nis: m.nis,
      names: m.names,
      province: m.province,
      region: m.region,
    }));
    const dissolved = this.registry
      .dissolvedMunicipalities()
      .filter((d) => d.region !== 'flanders')
      .map((d) => {
        const successor = this.registry.successorOf(d.nis)!;
        return { nis: d.nis, names: d.names, province: successor.province, region: d.region, successor: successor.nis };
      });
    return { municipalities: [...current, ...dissolved] };
  }
}
