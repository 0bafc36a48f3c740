import type { Municipality, MunicipalityRegistry } from '@cdce/reference';
import type { PersonLanguage } from '@cdce/people';
import { BASTOGNE_MERGER } from './campaign-calendar';
import type { DemoPeople } from './demo-people';
import type { Random } from './random';
import { StoryWriter } from './story-writer';

/** Award years of the communes titled during the story (besides the named ones), close to the campaign's figures. */
export const AWARDS_PER_YEAR: Readonly<Record<number, number>> = {
  2015: 17,
  2016: 4,
  2017: 3,
  2018: 9,
  2019: 3,
  2020: 1,
  2021: 3,
  2022: 4,
  2023: 0,
  2024: 2,
  2025: 2,
  2026: 2,
};

/** Candidates still on their way at the end of the story, by stage. */
export const CANDIDATES = { justOpened: 6, collecting: 26, underReview: 5, changesRequested: 4 } as const;

/** Communes whose real story is known (domain-notes §3–4): they play themselves. */
export const NAMED = {
  firstWave: ['Jette', 'Uccle', 'Rixensart', 'Soignies'],
  woluweSaintLambert: 'Woluwe-Saint-Lambert',
  class2023: ['Berchem-Sainte-Agathe', 'Rochefort', 'Braine-le-Comte', 'Etalle', 'Wavre', 'Aubange', 'La Hulpe'],
} as const;

/**
 * Populations of the two communes dissolved in 2024 (the registry only knows the merged Bastogne's): Bastogne's
 * from fairometer.be, Bertogne's approximate. Used for their partner counts and historical dossiers.
 */
export const DISSOLVED_POPULATION: Readonly<Record<string, number>> = { '82003': 16_077, '82005': 3_300 };

/** Hands out communes and writers: named communes by name, the others drawn from the campaign at random. */
export class DemoCast {
  readonly writers = new Map<string, StoryWriter>();
  private readonly pool: Municipality[];

  constructor(
    private readonly registry: MunicipalityRegistry,
    private readonly rng: Random,
    private readonly people: DemoPeople,
    private readonly seed: number,
  ) {
    const reserved = new Set<string>([
      BASTOGNE_MERGER.successor,
      ...[...NAMED.firstWave, NAMED.woluweSaintLambert, ...NAMED.class2023].map((name) => this.named(name)?.nis ?? ''),
    ]);
    this.pool = rng.shuffle(registry.campaignMembers().filter((m) => !reserved.has(m.nis)));
  }

  /** The writer of a named commune, or of a commune drawn at random when the name is not in the registry. */
  byName(name: string): StoryWriter {
    const found = this.named(name);
    return found ? this.writer(found.nis) : this.draw();
  }

  draw(): StoryWriter {
    const next = this.pool.shift();
    if (!next) throw new Error('The demo ran out of communes: lower the counts in demo-cast.ts.');
    return this.writer(next.nis);
  }

  writer(nis: string): StoryWriter {
    const existing = this.writers.get(nis);
    if (existing) return existing;
    const municipality = this.registry.byNis(nis);
    const population = municipality?.population ?? DISSOLVED_POPULATION[nis];
    if (population === undefined) throw new Error(`The demo has no population for ${nis}.`);
    const writer = new StoryWriter(
      nis,
      population,
      languageOf(municipality?.language ?? 'fr'),
      this.rng.fork(`commune-${nis}`),
      this.people,
      this.seed,
    );
    this.writers.set(nis, writer);
    return writer;
  }

  private named(name: string): Municipality | undefined {
    return this.registry.campaignMembers().find((m) => m.names.fr === name);
  }
}

function languageOf(language: Municipality['language']): PersonLanguage {
  if (language === 'de') return 'de';
  if (language === 'nl') return 'nl';
  return 'fr';
}
