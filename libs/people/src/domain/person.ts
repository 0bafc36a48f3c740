/**
 * People of the campaign (COPIL members, municipal staff, coordination staff). Personal data lives only here, never in
 * events: events name a person by `personId`, and erasing the person leaves every stream replayable.
 */

/** Language a person is written to in (reminders, invitations). */
export type PersonLanguage = 'fr' | 'nl' | 'de';

export const PERSON_LANGUAGES: readonly PersonLanguage[] = ['fr', 'nl', 'de'];

/** A person as registered. */
export interface Person {
  /** Stable identifier used in events; chosen by the caller (never derived from the name or e-mail). */
  readonly personId: string;
  readonly fullName: string;
  /** Unique among people not erased, compared without regard to case. */
  readonly email: string;
  readonly phone?: string;
  readonly language: PersonLanguage;
  /** NIS codes of the communes this person is a contact for, sorted, without duplicates. */
  readonly communes: readonly string[];
  /** Free-text roles as people say them: 'échevin', 'bénévole', 'éco-conseillère'… */
  readonly roles: readonly string[];
}

/** What remains of an erased person: enough for references in events to resolve, nothing personal. */
export interface ErasedPerson {
  readonly personId: string;
  /** ISO-8601 UTC instant of the erasure. */
  readonly erasedAt: string;
}

/** One entry of the directory: a person, or the tombstone of an erased one. */
export type DirectoryEntry = ({ readonly status: 'active' } & Person) | ({ readonly status: 'erased' } & ErasedPerson);

/** Changes to a person; `phone: null` removes the phone number. `personId` never changes. */
export interface PersonPatch {
  readonly fullName?: string;
  readonly email?: string;
  readonly phone?: string | null;
  readonly language?: PersonLanguage;
  readonly communes?: readonly string[];
  readonly roles?: readonly string[];
}

/** How an erased person is shown wherever a name would appear. */
export const ERASED_PERSON_LABEL = 'personne effacée';

/** The name to show for a directory entry: the person's name, or « personne effacée » after erasure. */
export function displayName(entry: DirectoryEntry): string {
  return entry.status === 'active' ? entry.fullName : ERASED_PERSON_LABEL;
}
