import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { InvalidTokenRequestError, TokenNotFoundError } from '../domain/auth.errors';
import type { Principal } from '../domain/principal';
import type { Role } from '../domain/role';
import { isRole } from '../domain/role';
import type { TokenRecord, TokenStore } from '../token-store.port';

/** Secrets look like `cdce_` followed by 32 random bytes in base64url (43 characters). */
export const TOKEN_SECRET_PATTERN = /^cdce_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 'cdce_'.length + 6;
const NIS = /^\d{5}$/;

export interface CreateTokenRequest {
  /** Who or what the token is for, shown to admins: "COPIL Namur — Anne", "export nightly". */
  readonly label: string;
  readonly role: Role;
  /** Required (at least one NIS code) for `copil`; must be absent or empty for other roles. */
  readonly communes?: readonly string[];
}

/** A token as admins see it: everything but the hash. */
export type TokenInfo = Omit<TokenRecord, 'secretHash'>;

export interface CreatedToken {
  readonly token: TokenInfo;
  /** The only time the secret is available: it is not stored and cannot be shown again. */
  readonly secret: string;
}

export interface TokenServiceOptions {
  readonly clock?: () => Date;
  /**
   * `lastUsedAt` is written at most once per this many milliseconds per token (default 60 000), so that a busy API
   * does not turn every read request into a write. 0 records every use.
   */
  readonly lastUsedResolutionMs?: number;
}

/** Creates, verifies and revokes bearer tokens. */
export class TokenService {
  private readonly clock: () => Date;
  private readonly lastUsedResolutionMs: number;

  constructor(
    private readonly store: TokenStore,
    options: TokenServiceOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.lastUsedResolutionMs = options.lastUsedResolutionMs ?? 60_000;
  }

  /** Creates a token and returns its secret once. Throws `INVALID_TOKEN_REQUEST` for a malformed request. */
  async createToken(request: CreateTokenRequest): Promise<CreatedToken> {
    const { label, role, communes } = checkRequest(request);
    const secret = `cdce_${randomBytes(32).toString('base64url')}`;
    const record: TokenRecord = {
      tokenId: randomUUID(),
      label,
      role,
      communes,
      prefix: secret.slice(0, PREFIX_LENGTH),
      secretHash: hashSecret(secret),
      createdAt: this.clock().toISOString(),
      revokedAt: null,
      lastUsedAt: null,
    };
    await this.store.insert(record);
    return { token: info(record), secret };
  }

  /**
   * The principal behind a secret, or `null` when it is malformed, unknown or revoked (the caller answers 401 in
   * every case, without saying which).
   *
   * The lookup is by sha-256 of the secret: timing can at most reveal something about a hash, which does not help to
   * forge a 256-bit secret. The stored hash is still compared in constant time, so that no adapter's lookup (an index,
   * a case-insensitive collation) is trusted to be exact.
   */
  async verify(secret: unknown): Promise<Principal | null> {
    if (typeof secret !== 'string' || !TOKEN_SECRET_PATTERN.test(secret)) return null;
    const hash = hashSecret(secret);
    const record = await this.store.findByHash(hash);
    if (!record || !sameHash(record.secretHash, hash) || record.revokedAt !== null) return null;
    await this.recordUse(record);
    return { tokenId: record.tokenId, role: record.role, communes: [...record.communes], label: record.label };
  }

  /** Revokes a token at once; revoking again keeps the first date. Throws `TOKEN_NOT_FOUND`. */
  async revoke(tokenId: string): Promise<TokenInfo> {
    const record = await this.store.revoke(tokenId, this.clock().toISOString());
    if (!record) throw new TokenNotFoundError(tokenId);
    return info(record);
  }

  /** Every token, revoked ones included, oldest first. */
  async list(): Promise<TokenInfo[]> {
    return (await this.store.list()).map(info);
  }

  private async recordUse(record: TokenRecord): Promise<void> {
    const now = this.clock();
    const last = record.lastUsedAt === null ? undefined : Date.parse(record.lastUsedAt);
    if (last !== undefined && now.getTime() - last < this.lastUsedResolutionMs) return;
    await this.store.touch(record.tokenId, now.toISOString());
  }
}

/** sha-256 of a secret as lower-case hex: what the store keeps. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function sameHash(stored: string, computed: string): boolean {
  const a = Buffer.from(stored, 'hex');
  const b = Buffer.from(computed, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

function checkRequest(request: CreateTokenRequest): { label: string; role: Role; communes: string[] } {
  const label = typeof request.label === 'string' ? request.label.trim() : '';
  if (label.length === 0 || label.length > 200)
    throw new InvalidTokenRequestError('The label must be 1-200 characters.');
  if (!isRole(request.role)) throw new InvalidTokenRequestError(`Unknown role ${JSON.stringify(request.role)}.`);
  const communes = [...new Set(request.communes ?? [])].sort();
  if (communes.some((nis) => typeof nis !== 'string' || !NIS.test(nis))) {
    throw new InvalidTokenRequestError('Communes must be 5-digit NIS codes.');
  }
  if (request.role === 'copil' && communes.length === 0) {
    throw new InvalidTokenRequestError('A copil token must name at least one commune.');
  }
  // Communes on an unlimited role would look like a limit and limit nothing.
  if (request.role !== 'copil' && communes.length > 0) {
    throw new InvalidTokenRequestError(`A ${request.role} token covers every commune: do not give communes.`);
  }
  return { label, role: request.role, communes };
}

function info({ secretHash: _hash, ...token }: TokenRecord): TokenInfo {
  return { ...token, communes: [...token.communes] };
}
