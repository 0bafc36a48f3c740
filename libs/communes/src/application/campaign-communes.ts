import type { MunicipalityRegistry } from '@cdce/reference';
import { UnknownCommuneError } from './unknown-commune.error';

/** What the application needs to know about a commune of the campaign from the reference data. */
export interface CampaignCommune {
  readonly nis: string;
  readonly nameFr: string;
  /** Unknown (null) for a municipality dissolved by a merger. */
  readonly population: number | null;
  readonly dissolved: boolean;
}

/**
 * The communes a stream may be opened for: current municipalities of Wallonia and Brussels, and those dissolved by
 * a merger since (their history stays readable and they can still be merged into their successor).
 * @throws UnknownCommuneError for any other code.
 */
export function campaignCommune(registry: MunicipalityRegistry, nis: string): CampaignCommune {
  const current = registry.byNis(nis);
  if (current) {
    if (!registry.isCampaignMember(nis)) {
      throw new UnknownCommuneError(
        nis,
        `${current.names.fr} is in ${current.region}, outside the campaign (Wallonia and Brussels)`,
      );
    }
    return { nis, nameFr: current.names.fr, population: current.population, dissolved: false };
  }
  const dissolved = registry.dissolved(nis);
  if (dissolved && dissolved.region !== 'flanders') {
    return { nis, nameFr: dissolved.names.fr, population: null, dissolved: true };
  }
  throw new UnknownCommuneError(nis);
}
