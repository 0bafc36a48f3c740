import { CandidacyHttpController } from './candidacy.http.controller';
import { CommuneQueriesHttpController } from './commune-queries.http.controller';

/** Every controller of the communes HTTP module. */
export const COMMUNE_CONTROLLERS = [CandidacyHttpController, CommuneQueriesHttpController];
