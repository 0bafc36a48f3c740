import { fr, type MessageKey, type Translation } from './fr';
import { nl } from './nl';

export type { MessageKey } from './fr';
export type Language = 'fr' | 'nl';

const dictionaries: Record<Language, Translation> = { fr, nl };
let language: Language = 'fr';

const STORAGE_KEY = 'cdce.language';

/** French is the default; Dutch when chosen (a key left untranslated falls back to French). */
export function setLanguage(next: Language): void {
  language = next;
  document.documentElement.lang = next;
}

export function currentLanguage(): Language {
  return language;
}

/** The language chosen on this browser, French when none was. */
export function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'nl' ? 'nl' : 'fr';
  } catch {
    return 'fr';
  }
}

/** Remembers the choice on this browser; the page is then reloaded so that every text is drawn again. */
export function chooseLanguage(next: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Storage refused (private mode): the choice holds for this page only.
  }
  setLanguage(next);
}

export type Params = Readonly<Record<string, string | number>>;

/** The text for `key` in the current language, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Params = {}): string {
  const text = dictionaries[language][key] ?? fr[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const TIME_ZONE = 'Europe/Brussels';

/** `2026-03-02` or an ISO instant → « 2 mars 2026 », in Brussels time. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return t('date.none');
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: TIME_ZONE,
  }).format(date);
}

/** An instant → « 2 mars 2026 à 10:15 », in Brussels time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return t('date.none');
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: TIME_ZONE,
  }).format(date);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}

export function formatPercent(value: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

function locale(): string {
  return language === 'nl' ? 'nl-BE' : 'fr-BE';
}

/** Whether the dictionary has `key` (for keys built from server data: event types, roles, error codes). */
export function hasKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(fr, key);
}

/** The label of an event type; a type this version does not know is shown by name rather than hidden. */
export function eventLabel(type: string): string {
  const key = `event.${type}`;
  return hasKey(key) ? t(key) : t('event.unknown', { type });
}

/** The label of an actor's role (`coordination`, `copil`, `system`…). */
export function roleLabel(role: string): string {
  const key = `role.${role}`;
  return hasKey(key) ? t(key) : role;
}

/** The label of a momentum alert reason. */
export function reasonLabel(reason: string): string {
  const key = `reason.${reason}`;
  return hasKey(key) ? t(key) : reason;
}
