import type { MunicipalityRegistry, Region } from '@cdce/reference';

/** Where a commune lies, for the figures by province and region. */
export interface Area {
  /** French name of the province; null in the Brussels-Capital Region (no province). */
  readonly province: string | null;
  readonly region: Region;
}

export interface ReferenceAreas {
  /** Area of an arrondissement, by the first two digits of the NIS code (as Statbel numbers them). */
  byArrondissement(code: string): Area | undefined;
  /** Campaign municipalities per province (key: province name, or '' for Brussels) and per region. */
  readonly membersByProvince: ReadonlyMap<string, { area: Area; members: number }>;
  readonly membersByRegion: ReadonlyMap<Region, number>;
  readonly campaignCommunes: number;
}

const cache = new WeakMap<MunicipalityRegistry, ReferenceAreas>();

/**
 * The reference data the figures are joined with. Counting by arrondissement code lets SQLite group the directory
 * rows on an index (about 45 groups) instead of returning one row per commune to be looked up one by one.
 */
export function referenceAreas(registry: MunicipalityRegistry): ReferenceAreas {
  const cached = cache.get(registry);
  if (cached) return cached;
  const arrondissements = new Map<string, Area>();
  const membersByProvince = new Map<string, { area: Area; members: number }>();
  const membersByRegion = new Map<Region, number>();
  const members = registry.campaignMembers();
  for (const m of [...registry.all(), ...registry.dissolvedMunicipalities()]) {
    arrondissements.set(m.nis.slice(0, 2), { province: m.province?.fr ?? null, region: m.region });
  }
  for (const m of members) {
    const area = { province: m.province?.fr ?? null, region: m.region };
    const key = area.province ?? '';
    membersByProvince.set(key, { area, members: (membersByProvince.get(key)?.members ?? 0) + 1 });
    membersByRegion.set(m.region, (membersByRegion.get(m.region) ?? 0) + 1);
  }
  const areas: ReferenceAreas = {
    byArrondissement: (code) => arrondissements.get(code),
    membersByProvince,
    membersByRegion,
    campaignCommunes: members.length,
  };
  cache.set(registry, areas);
  return areas;
}
