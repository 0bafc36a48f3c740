import { Body, Controller, Delete, Get, HttpCode, Inject, NotFoundException, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MUNICIPALITIES, campaignCommune } from '@cdce/communes';
import type { PeopleDirectory, Person } from '@cdce/people';
import { PEOPLE_DIRECTORY } from '@cdce/platform';
import { MunicipalityRegistry } from '@cdce/reference';
import { Requires } from '../auth/requires.decorator';
import { PersonIdParam } from '../communes/dto/person-id.param';
import { NisParam } from '../communes/nis.param';
import { RegisterPersonRequestDto, UpdatePersonRequestDto } from './person.request.dto';

/**
 * The contacts of a commune (COPIL members, échevins, staff). Personal data lives here, never in events, and can be
 * erased: events keep referring to the personId, shown as « personne effacée ».
 */
@ApiTags('personnes')
@Controller('communes/:nis/people')
export class PeopleHttpController {
  constructor(
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
    @Inject(MUNICIPALITIES) private readonly municipalities: MunicipalityRegistry,
  ) {}

  @Get()
  @Requires('people.read')
  @ApiOperation({ summary: "Contacts d'une commune" })
  list(@Param('nis', NisParam) nis: string): Promise<Person[]> {
    campaignCommune(this.municipalities, nis);
    return this.people.list({ nis });
  }

  @Post()
  @Requires('people.write')
  @ApiOperation({ summary: "Ajouter un contact à l'annuaire de la commune" })
  register(@Param('nis', NisParam) nis: string, @Body() body: RegisterPersonRequestDto): Promise<Person> {
    campaignCommune(this.municipalities, nis);
    return this.people.register({ ...body, roles: body.roles ?? [], communes: [nis] });
  }

  @Patch(':personId')
  @Requires('people.write')
  @ApiOperation({ summary: 'Modifier un contact' })
  async update(
    @Param('nis', NisParam) nis: string,
    @Param('personId', PersonIdParam) personId: string,
    @Body() body: UpdatePersonRequestDto,
  ): Promise<Person> {
    await this.ofCommune(nis, personId);
    return this.people.update(personId, body);
  }

  @Delete(':personId')
  @HttpCode(200)
  @Requires('people.write')
  @ApiOperation({
    summary: 'Effacer un contact (RGPD) : nom, courriel et téléphone disparaissent, l’historique reste vérifiable',
  })
  async erase(@Param('nis', NisParam) nis: string, @Param('personId', PersonIdParam) personId: string) {
    await this.ofCommune(nis, personId);
    return this.people.erase(personId);
  }

  /** A token scoped to one commune must not reach a person of another commune through its own route. */
  private async ofCommune(nis: string, personId: string): Promise<Person> {
    const entry = await this.people.get(personId);
    if (entry.status !== 'active' || !entry.communes.includes(nis)) {
      throw new NotFoundException({ code: 'PERSON_NOT_FOUND', detail: `No contact ${personId} in commune ${nis}.` });
    }
    return entry;
  }
}
