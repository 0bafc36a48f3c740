import type { Role } from './domain/role';

/** A token as stored: never the secret, only its sha-256 hash and a short prefix a person can recognise. */
export interface TokenRecord {
  readonly tokenId: string;
  readonly label: string;
  readonly role: Role;
  /** NIS codes a copil token is limited to; empty for other roles. */
  readonly communes: readonly string[];
  /** The start of the secret (e.g. `cdce_Xy3k9Q`), shown to admins to tell tokens apart. Not enough to use it. */
  readonly prefix: string;
  /** sha-256 of the whole secret, lower-case hex. */
  readonly secretHash: string;
  /** ISO-8601 UTC instants. */
  readonly createdAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

/**
 * Where tokens are kept. Adapters: SQLite (a real file) and in memory; both pass `describeTokenStoreContract`.
 * Every method returns copies.
 */
export interface TokenStore {
  /** Adds a token. Throws when the id or the hash is already stored (a collision means a bug, never a retry). */
  insert(record: TokenRecord): Promise<void>;
  /** The token whose secret hashes to `secretHash`, revoked or not. */
  findByHash(secretHash: string): Promise<TokenRecord | undefined>;
  get(tokenId: string): Promise<TokenRecord | undefined>;
  /** Every token, oldest first. */
  list(): Promise<TokenRecord[]>;
  /** Marks the token revoked at `at`, keeping an earlier revocation date. Returns the token, or undefined if unknown. */
  revoke(tokenId: string, at: string): Promise<TokenRecord | undefined>;
  /** Records that the token was used at `at`. */
  touch(tokenId: string, at: string): Promise<void>;
}
