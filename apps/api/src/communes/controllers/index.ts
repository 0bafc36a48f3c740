import { CandidacyHttpController } from './candidacy.http.controller';
import { CommuneQueriesHttpController } from './commune-queries.http.controller';
import { CopilHttpController } from './copil.http.controller';
import { DossierHttpController } from './dossier.http.controller';
import { EndOfTitleHttpController } from './end-of-title.http.controller';
import { FairOMeterHttpController } from './fair-o-meter.http.controller';
import { MomentumHttpController } from './momentum.http.controller';
import { MunicipalitiesHttpController } from './municipalities.http.controller';
import { PartnersHttpController } from './partners.http.controller';

/** Every controller of the communes HTTP module: one endpoint per command a person sends, and the queries. */
export const COMMUNE_CONTROLLERS = [
  CandidacyHttpController,
  CopilHttpController,
  PartnersHttpController,
  DossierHttpController,
  FairOMeterHttpController,
  MomentumHttpController,
  EndOfTitleHttpController,
  CommuneQueriesHttpController,
  MunicipalitiesHttpController,
];
