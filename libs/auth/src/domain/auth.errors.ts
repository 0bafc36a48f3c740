/** Typed errors of authentication; `code` is stable and mapped to a message by HTTP and CLI adapters. */
export abstract class AuthError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A token cannot be created as asked (unknown role, copil without communes, communes on another role…). */
export class InvalidTokenRequestError extends AuthError {
  readonly code = 'INVALID_TOKEN_REQUEST';
}

export class TokenNotFoundError extends AuthError {
  readonly code = 'TOKEN_NOT_FOUND';
  constructor(readonly tokenId: string) {
    super(`No token ${tokenId}.`);
  }
}

/** The token store's file cannot be used (foreign file, newer schema); nothing was written. */
export class TokenStoreUnavailableError extends AuthError {
  readonly code = 'TOKEN_STORE_UNAVAILABLE';
  constructor(
    readonly location: string,
    reason: string,
  ) {
    super(`Token store at ${location} cannot be used: ${reason}`);
  }
}

/** A token with the same id or the same secret hash is already stored (never expected from random secrets). */
export class DuplicateTokenError extends AuthError {
  readonly code = 'DUPLICATE_TOKEN';
  constructor(reason: string) {
    super(`Token not stored: ${reason}.`);
  }
}
