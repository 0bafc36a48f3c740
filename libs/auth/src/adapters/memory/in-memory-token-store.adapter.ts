import { DuplicateTokenError } from '../../domain/auth.errors';
import type { TokenRecord, TokenStore } from '../../token-store.port';

/** Tokens kept in memory: for tests and throw-away demos. */
export class InMemoryTokenStore implements TokenStore {
  private readonly records = new Map<string, TokenRecord>();

  async insert(record: TokenRecord): Promise<void> {
    if (this.records.has(record.tokenId)) throw new DuplicateTokenError(`token id ${record.tokenId} is already stored`);
    if ([...this.records.values()].some((r) => r.secretHash === record.secretHash)) {
      throw new DuplicateTokenError('a token with the same secret hash is already stored');
    }
    this.records.set(record.tokenId, copy(record));
  }

  async findByHash(secretHash: string): Promise<TokenRecord | undefined> {
    const record = [...this.records.values()].find((r) => r.secretHash === secretHash);
    return record && copy(record);
  }

  async get(tokenId: string): Promise<TokenRecord | undefined> {
    const record = this.records.get(tokenId);
    return record && copy(record);
  }

  async list(): Promise<TokenRecord[]> {
    return [...this.records.values()]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.tokenId.localeCompare(b.tokenId))
      .map(copy);
  }

  async revoke(tokenId: string, at: string): Promise<TokenRecord | undefined> {
    const record = this.records.get(tokenId);
    if (!record) return undefined;
    const revoked = { ...record, revokedAt: record.revokedAt ?? at };
    this.records.set(tokenId, revoked);
    return copy(revoked);
  }

  async touch(tokenId: string, at: string): Promise<void> {
    const record = this.records.get(tokenId);
    if (record) this.records.set(tokenId, { ...record, lastUsedAt: at });
  }
}

function copy(record: TokenRecord): TokenRecord {
  return { ...record, communes: [...record.communes] };
}
