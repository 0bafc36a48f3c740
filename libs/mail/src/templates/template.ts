import type { PersonLanguage } from '@cdce/people';

/** A mail as a person reads it: subject and plain text, in their language. */
export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
}

export type Language = PersonLanguage;

const LOCALES: Record<Language, string> = { fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE' };

/** A calendar date (`YYYY-MM-DD`) written out: « 15 mars 2026 », "15 maart 2026", „15. März 2026“. */
export function longDate(isoDate: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate.slice(0, 10)}T12:00:00Z`));
}

/** An instant as a person in Brussels reads it: « mardi 14 avril 2026 à 12:30 ». */
export function longDateTime(instant: string, language: Language, zone = 'Europe/Brussels'): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
  }).format(new Date(instant));
}

/** Local time of day only: « 14:30 ». */
export function timeOfDay(instant: string, language: Language, zone = 'Europe/Brussels'): string {
  return new Intl.DateTimeFormat(LOCALES[language], { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(
    new Date(instant),
  );
}

export function greeting(language: Language, name?: string): string {
  if (name) return { fr: `Bonjour ${name},`, nl: `Beste ${name},`, de: `Guten Tag ${name},` }[language];
  return { fr: 'Madame, Monsieur,', nl: 'Geachte mevrouw, geachte heer,', de: 'Sehr geehrte Damen und Herren,' }[
    language
  ];
}

export function signature(language: Language): string {
  return {
    fr: 'Avec nos salutations cordiales,\nLa coordination de la campagne Communes du Commerce Équitable',
    nl: 'Met vriendelijke groeten,\nDe coördinatie van de campagne Communes du Commerce Équitable (Fairtrade Gemeenten)',
    de: 'Mit freundlichen Grüßen\nDie Koordination der Kampagne Communes du Commerce Équitable (Fairtrade-Gemeinden)',
  }[language];
}

/** Joins paragraphs with blank lines and ends the text with a newline. */
export function paragraphs(...parts: readonly (string | undefined | false)[]): string {
  return `${parts.filter((part): part is string => typeof part === 'string' && part !== '').join('\n\n')}\n`;
}
