/**
 * Typed errors of the people directory. `code` is stable: HTTP and CLI adapters map it to a message and a status.
 */
export abstract class PeopleDirectoryError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** No person was ever registered with this id. */
export class PersonNotFoundError extends PeopleDirectoryError {
  readonly code = 'PERSON_NOT_FOUND';
  constructor(readonly personId: string) {
    super(`No person ${personId} in the directory.`);
  }
}

/** The person was erased: the tombstone stays, nothing about the person can be read or changed any more. */
export class PersonErasedError extends PeopleDirectoryError {
  readonly code = 'PERSON_ERASED';
  constructor(
    readonly personId: string,
    readonly erasedAt: string,
  ) {
    super(`Person ${personId} was erased on ${erasedAt}; register a new person if they come back.`);
  }
}

/** The id is taken by a different person (registering the very same person again is accepted as a retry). */
export class PersonAlreadyExistsError extends PeopleDirectoryError {
  readonly code = 'PERSON_ALREADY_EXISTS';
  constructor(readonly personId: string) {
    super(`Person ${personId} is already registered with other details; use update to change them.`);
  }
}

/** Another person not erased already uses this e-mail address (compared without regard to case). */
export class DuplicateEmailError extends PeopleDirectoryError {
  readonly code = 'DUPLICATE_EMAIL';
  constructor(
    readonly email: string,
    readonly existingPersonId: string,
  ) {
    super(
      `The e-mail ${email} already belongs to person ${existingPersonId}. One person is one entry: ` +
        'add communes or roles to that person instead.',
    );
  }
}

/** Some fields are missing or malformed; `problems` names each field and what is wrong with it. */
export class InvalidPersonError extends PeopleDirectoryError {
  readonly code = 'INVALID_PERSON';
  constructor(readonly problems: readonly { readonly field: string; readonly problem: string }[]) {
    super(`Invalid person: ${problems.map((p) => `${p.field} ${p.problem}`).join('; ')}.`);
  }
}
