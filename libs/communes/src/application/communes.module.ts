import { Module } from '@nestjs/common';
import { loadMunicipalityRegistry } from '@cdce/reference';
import { CDCE_2022 } from '../domain/criteria/cdce-2022.criteria-set';
import { criteriaSetsOf } from './criteria-sets';
import { ExecuteCommuneCommandHandler } from './execute-commune-command.handler';
import { CRITERIA_SETS, MUNICIPALITIES } from './tokens';

/**
 * The commune title lifecycle behind the command bus. Needs PlatformModule (event store, clock) and CqrsModule.
 */
@Module({
  providers: [
    { provide: MUNICIPALITIES, useFactory: () => loadMunicipalityRegistry() },
    { provide: CRITERIA_SETS, useValue: criteriaSetsOf([CDCE_2022], CDCE_2022.id) },
    ExecuteCommuneCommandHandler,
  ],
  exports: [MUNICIPALITIES, CRITERIA_SETS],
})
export class CommunesModule {}
