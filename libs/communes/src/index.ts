// Public API of the communes lib: the commune title domain (pure).
export * from './domain/commune.state';
export * from './domain/commune.commands';
export * from './domain/commune.events';
export * from './domain/commune.errors';
export { communeDecider } from './domain/commune.decider';
export { foldCommune } from './domain/commune.fold';
export { communeStreamId, isValidNis, COMMUNE_STREAM_PREFIX } from './domain/nis';
export { brusselsDate, addMonths, addDays, periodEnd } from './domain/calendar';
export { TITLE_VALIDITY_MONTHS, MAX_TITLE_VALIDITY_MONTHS } from './domain/decide/guards';
export * from './domain/criteria/criterion';
export * from './domain/criteria/criteria-set';
export * from './domain/criteria/evaluate-criteria';
export { CDCE_2022 } from './domain/criteria/cdce-2022.criteria-set';
export * from './domain/fair-o-meter/grade';

// Application layer (NestJS adapters around the pure domain).
export * from './application/execute-commune-command';
export { ExecuteCommuneCommandHandler } from './application/execute-commune-command.handler';
export {
  readCommune,
  readCommuneHistory,
  type CommuneAt,
  type CommuneHistory,
  type ReadCommuneOptions,
} from './application/read-commune';
export { campaignCommune, type CampaignCommune } from './application/campaign-communes';
export { UnknownCommuneError } from './application/unknown-commune.error';
export { criteriaSetsOf, type CriteriaSets } from './application/criteria-sets';
export { CRITERIA_SETS, MUNICIPALITIES } from './application/tokens';
export { CommunesModule } from './application/communes.module';
export { communeDirectoryProjection, type CommuneDirectoryDoc } from './projections/commune-directory.projection';
export type { CommuneSummary } from './projections/commune-summary';
