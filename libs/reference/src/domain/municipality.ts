/**
 * Belgian municipalities as published by Statbel (REFNIS 2025), with the 2024–2025 mergers.
 * NIS codes are kept as 5-character strings: other tables pad them with a leading zero, and they are identifiers, not numbers.
 */

/** Language area of a municipality; Brussels communes are bilingual. */
export type MunicipalityLanguage = 'fr' | 'nl' | 'de' | 'fr,nl';

export type Region = 'wallonia' | 'flanders' | 'brussels';

/** A name in both national languages used by Statbel for administrative units. */
export interface LocalisedName {
  readonly fr: string;
  readonly nl: string;
}

/** Official names; `de` only for the nine German-speaking municipalities. */
export interface MunicipalityNames extends LocalisedName {
  readonly de?: string;
}

/** A municipality as it exists today (after the mergers of 2 Dec 2024 and 1 Jan 2025). */
export interface Municipality {
  readonly nis: string;
  readonly names: MunicipalityNames;
  readonly language: MunicipalityLanguage;
  readonly arrondissement: LocalisedName;
  /** `null` for the 19 Brussels communes: the Brussels-Capital Region belongs to no province. */
  readonly province: LocalisedName | null;
  readonly region: Region;
  /** Legal population at `populationDate`; a merged municipality carries the sum of its predecessors. */
  readonly population: number;
  /** ISO date (YYYY-MM-DD) of the population count. */
  readonly populationDate: string;
  /** One main postcode (a municipality may have several). */
  readonly postcode: string;
  /** ISO date the municipality took its current shape, only for those created or enlarged by a merger. */
  readonly validFrom?: string;
  /** NIS codes absorbed by the merger that produced it (as published; may include its own code when it was kept). */
  readonly predecessors: readonly string[];
}

/** One absorbed municipality and the municipality that replaced it. */
export interface Merger {
  readonly oldNis: string;
  readonly oldNames: LocalisedName;
  readonly newNis: string;
  /** ISO date the merger took effect (2024-12-02 for Bastogne–Bertogne, 2025-01-01 for the Flemish mergers). */
  readonly effectiveDate: string;
}

/**
 * A municipality that no longer exists because a merger absorbed it (e.g. Bertogne 82005 until 2 Dec 2024).
 * Kept so that history recorded under its code (a commune's stream, a title) stays readable.
 */
export interface DissolvedMunicipality {
  readonly nis: string;
  readonly names: LocalisedName;
  /** Same as its successor's: no Belgian merger crossed a language area. */
  readonly language: MunicipalityLanguage;
  /** Same as its successor's: no Belgian merger crossed a region. */
  readonly region: Region;
  /** Derived from the first two digits of its NIS code, which name the arrondissement it belonged to. */
  readonly arrondissement: LocalisedName;
  readonly province: LocalisedName | null;
  /** Unknown: the reference data only gives the population of the merged municipality. Never estimated. */
  readonly population: null;
  /** First day on which the municipality no longer existed (the merger's effective date). */
  readonly dissolvedOn: string;
  readonly successorNis: string;
}

/** The regions covered by the « Communes du Commerce Équitable » campaign. */
export const CAMPAIGN_REGIONS: readonly Region[] = ['wallonia', 'brussels'];

/** Whether a region belongs to the CDCE campaign (Wallonia and Brussels; Flanders has its own campaign). */
export function isCampaignRegion(region: Region): boolean {
  return CAMPAIGN_REGIONS.includes(region);
}
