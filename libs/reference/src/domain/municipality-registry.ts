import type { DissolvedMunicipality, LocalisedName, Merger, Municipality, Region } from './municipality';
import { isCampaignRegion } from './municipality';
import { normaliseName } from './normalise-name';
import { ReferenceDataError } from './reference-data.error';

/** A province and the region it lies in. */
export interface Province extends LocalisedName {
  readonly region: Region;
}

export interface SearchOptions {
  /** Maximum number of results (default 20). */
  readonly limit?: number;
  /** Only municipalities of the CDCE campaign (Wallonia and Brussels). */
  readonly campaignOnly?: boolean;
}

interface SearchEntry {
  readonly municipality: Municipality;
  /** Every official name (FR, NL, DE), folded by `normaliseName`. */
  readonly keys: readonly string[];
}

/**
 * In-memory, read-only view of the Belgian municipalities and their merger history.
 * Pure: it is built from already parsed rows (see `loadMunicipalityRegistry` for the files).
 */
export class MunicipalityRegistry {
  private readonly byCode: ReadonlyMap<string, Municipality>;
  private readonly mergerByOldNis: ReadonlyMap<string, Merger>;
  private readonly dissolvedByCode: ReadonlyMap<string, DissolvedMunicipality>;
  private readonly searchIndex: readonly SearchEntry[];
  private readonly sorted: readonly Municipality[];

  private constructor(
    municipalities: readonly Municipality[],
    private readonly mergerList: readonly Merger[],
  ) {
    this.sorted = [...municipalities].sort((a, b) => a.nis.localeCompare(b.nis));
    this.byCode = indexUnique(this.sorted, (m) => m.nis, 'municipality');
    this.mergerByOldNis = indexUnique(mergerList, (m) => m.oldNis, 'merger of');
    this.dissolvedByCode = new Map(
      mergerList
        .filter((merger) => !this.byCode.has(merger.oldNis))
        .map((merger) => [merger.oldNis, this.toDissolved(merger)] as const),
    );
    this.searchIndex = this.sorted.map((municipality) => ({
      municipality,
      keys: [...new Set(Object.values(municipality.names).map(normaliseName))],
    }));
  }

  /** Builds the registry, checking that every merger points to a known municipality. */
  static from(municipalities: readonly Municipality[], mergers: readonly Merger[]): MunicipalityRegistry {
    return new MunicipalityRegistry(municipalities, mergers);
  }

  /** The current municipality with this NIS code; `undefined` for an unknown or dissolved code. */
  byNis(nis: string): Municipality | undefined {
    return this.byCode.get(nis);
  }

  /** Every current municipality, ordered by NIS code. */
  all(): readonly Municipality[] {
    return this.sorted;
  }

  /** The municipalities the CDCE campaign covers: Wallonia and Brussels (280 since 2025). */
  campaignMembers(): readonly Municipality[] {
    return this.sorted.filter((m) => isCampaignRegion(m.region));
  }

  /** Whether a current municipality belongs to the campaign; `false` for unknown codes. */
  isCampaignMember(nis: string): boolean {
    const municipality = this.byCode.get(nis);
    return municipality !== undefined && isCampaignRegion(municipality.region);
  }

  /**
   * Finds municipalities by any of their official names (FR, NL, DE), ignoring case, accents and punctuation:
   * "liege" and "Luik" both find Liège. Exact names come first, then names starting with the query, then names
   * containing it; ties go to the larger population, so the city comes before the village of the same stem.
   */
  search(query: string, options: SearchOptions = {}): readonly Municipality[] {
    const needle = normaliseName(query);
    if (needle.length === 0) return [];
    const hits: { municipality: Municipality; rank: number }[] = [];
    for (const entry of this.searchIndex) {
      if (options.campaignOnly && !isCampaignRegion(entry.municipality.region)) continue;
      const rank = Math.min(...entry.keys.map((key) => matchRank(key, needle)));
      if (rank < NO_MATCH) hits.push({ municipality: entry.municipality, rank });
    }
    hits.sort(
      (a, b) =>
        a.rank - b.rank ||
        b.municipality.population - a.municipality.population ||
        a.municipality.nis.localeCompare(b.municipality.nis),
    );
    return hits.slice(0, options.limit ?? 20).map((hit) => hit.municipality);
  }

  /** The ten provinces, ordered by French name. Brussels is not among them. */
  provinces(): readonly Province[] {
    const provinces = new Map<string, Province>();
    for (const { province, region } of this.sorted) {
      if (province && !provinces.has(province.fr)) provinces.set(province.fr, { ...province, region });
    }
    return [...provinces.values()].sort((a, b) => a.fr.localeCompare(b.fr, 'fr'));
  }

  /** Every absorbed municipality with its successor and the date, as published. */
  mergers(): readonly Merger[] {
    return this.mergerList;
  }

  /** The mergers that produced or enlarged this municipality (empty when it was not merged). */
  mergersInto(nis: string): readonly Merger[] {
    return this.mergerList.filter((merger) => merger.newNis === nis);
  }

  /** A municipality that a merger dissolved (its code is no longer in use); `undefined` otherwise. */
  dissolved(nis: string): DissolvedMunicipality | undefined {
    return this.dissolvedByCode.get(nis);
  }

  /** Every dissolved municipality, ordered by NIS code: the communes that existed just before the mergers. */
  dissolvedMunicipalities(): readonly DissolvedMunicipality[] {
    return [...this.dissolvedByCode.values()].sort((a, b) => a.nis.localeCompare(b.nis));
  }

  /**
   * The current municipality that took over a dissolved code, following successive mergers if any
   * (82003 Bastogne and 82005 Bertogne → 82039 Bastogne). `undefined` when the code was not dissolved.
   */
  successorOf(nis: string): Municipality | undefined {
    return this.dissolvedByCode.has(nis) ? this.currentSuccessor(nis) : undefined;
  }

  /** Follows mergers from a code to the current municipality; throws when the chain ends nowhere or loops. */
  private currentSuccessor(nis: string): Municipality {
    const seen = new Set<string>();
    let code = nis;
    for (let merger = this.mergerByOldNis.get(code); merger; merger = this.mergerByOldNis.get(code)) {
      if (seen.has(code)) throw new ReferenceDataError(`merger cycle through ${code}`);
      seen.add(code);
      code = merger.newNis;
      const current = this.byCode.get(code);
      if (current) return current;
    }
    throw new ReferenceDataError(`merger of ${nis} leads to unknown municipality ${code}`);
  }

  private toDissolved(merger: Merger): DissolvedMunicipality {
    const successor = this.currentSuccessor(merger.oldNis);
    const parent = this.arrondissementOf(merger.oldNis);
    return {
      nis: merger.oldNis,
      names: merger.oldNames,
      language: successor.language,
      region: successor.region,
      arrondissement: parent.arrondissement,
      province: parent.province,
      population: null,
      dissolvedOn: merger.effectiveDate,
      successorNis: merger.newNis,
    };
  }

  /**
   * The first two digits of a NIS code name its arrondissement; a current municipality of the same arrondissement
   * gives its names. Needed because some predecessors changed province (Zwijndrecht 11056 was in Antwerp).
   */
  private arrondissementOf(nis: string): Pick<Municipality, 'arrondissement' | 'province'> {
    const prefix = nis.slice(0, 2);
    const sibling = this.sorted.find((m) => m.nis.startsWith(prefix));
    if (!sibling) throw new ReferenceDataError(`no arrondissement ${prefix}000 is known for dissolved ${nis}`);
    return { arrondissement: sibling.arrondissement, province: sibling.province };
  }
}

const NO_MATCH = 4;

function matchRank(key: string, needle: string): number {
  if (key === needle) return 0;
  if (key.startsWith(needle)) return 1;
  if (key.includes(` ${needle}`)) return 2;
  return key.includes(needle) ? 3 : NO_MATCH;
}

function indexUnique<T>(items: readonly T[], keyOf: (item: T) => string, what: string): Map<string, T> {
  const index = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (index.has(key)) throw new ReferenceDataError(`duplicate ${what} ${key}`);
    index.set(key, item);
  }
  return index;
}
