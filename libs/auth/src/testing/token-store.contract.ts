import { hashSecret, TokenService } from '../application/token.service';
import type { TokenRecord, TokenStore } from '../token-store.port';

export interface StoreUnderTest {
  readonly store: TokenStore;
  readonly dispose?: () => void | Promise<void>;
}

/** A clock the test moves by hand. */
export function manualClock(start = '2025-05-01T08:00:00.000Z') {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** Behaviour of the token service over every `TokenStore` adapter, and the store's own rules. */
export function describeTokenStoreContract(name: string, make: () => StoreUnderTest): void {
  describe(`TokenStore contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let clock: ReturnType<typeof manualClock>;
    let service: TokenService;
    beforeEach(() => {
      subject = make();
      clock = manualClock();
      service = new TokenService(subject.store, { clock: clock.now, lastUsedResolutionMs: 60_000 });
    });
    afterEach(async () => {
      await subject.dispose?.();
    });

    describe('createToken', () => {
      it('returns a cdce_ secret once and stores only its sha-256 hash and a short prefix', async () => {
        const { token, secret } = await service.createToken({
          label: 'COPIL Namur',
          role: 'copil',
          communes: ['92094'],
        });
        expect(secret).toMatch(/^cdce_[A-Za-z0-9_-]{43}$/);
        expect(token).toEqual({
          tokenId: expect.any(String) as string,
          label: 'COPIL Namur',
          role: 'copil',
          communes: ['92094'],
          prefix: secret.slice(0, 11),
          createdAt: '2025-05-01T08:00:00.000Z',
          revokedAt: null,
          lastUsedAt: null,
        });
        const stored = await subject.store.get(token.tokenId);
        expect(stored?.secretHash).toBe(hashSecret(secret));
        expect(JSON.stringify(stored)).not.toContain(secret);
        expect(JSON.stringify(await service.list())).not.toContain(stored?.secretHash);
      });

      it('makes a different secret and id each time', async () => {
        const a = await service.createToken({ label: 'a', role: 'auditor' });
        const b = await service.createToken({ label: 'b', role: 'auditor' });
        expect(a.secret).not.toBe(b.secret);
        expect(a.token.tokenId).not.toBe(b.token.tokenId);
      });

      it.each([
        ['a copil token without commune', { label: 'x', role: 'copil' }],
        ['communes on an unlimited role', { label: 'x', role: 'coordination', communes: ['92094'] }],
        ['a malformed NIS code', { label: 'x', role: 'copil', communes: ['9209'] }],
        ['an unknown role', { label: 'x', role: 'root' }],
        ['an empty label', { label: '  ', role: 'admin' }],
      ])('refuses %s', async (_what, request) => {
        await expect(service.createToken(request as never)).rejects.toMatchObject({ code: 'INVALID_TOKEN_REQUEST' });
        expect(await service.list()).toEqual([]);
      });
    });

    describe('verify', () => {
      it('returns the principal behind a valid secret', async () => {
        const { token, secret } = await service.createToken({
          label: 'COPIL Liège',
          role: 'copil',
          communes: ['62063', '21004', '62063'],
        });
        await expect(service.verify(secret)).resolves.toEqual({
          tokenId: token.tokenId,
          role: 'copil',
          communes: ['21004', '62063'],
          label: 'COPIL Liège',
        });
      });

      it('returns null for an unknown, malformed or altered secret', async () => {
        const { secret } = await service.createToken({ label: 'x', role: 'admin' });
        const altered = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');
        for (const attempt of [altered, `${secret}x`, secret.slice(5), '', 'cdce_', undefined, 42, null]) {
          await expect(service.verify(attempt)).resolves.toBeNull();
        }
      });

      it('returns null once the token is revoked, and only for that token', async () => {
        const revoked = await service.createToken({ label: 'old', role: 'coordination' });
        const kept = await service.createToken({ label: 'new', role: 'coordination' });
        await service.revoke(revoked.token.tokenId);
        await expect(service.verify(revoked.secret)).resolves.toBeNull();
        await expect(service.verify(kept.secret)).resolves.toMatchObject({ label: 'new' });
      });

      it('records the last use, at most once a minute', async () => {
        const { token, secret } = await service.createToken({ label: 'x', role: 'auditor' });
        const lastUsed = async () => (await subject.store.get(token.tokenId))?.lastUsedAt;
        expect(await lastUsed()).toBeNull();
        clock.advance(1_000);
        await service.verify(secret);
        expect(await lastUsed()).toBe('2025-05-01T08:00:01.000Z');
        clock.advance(30_000);
        await service.verify(secret);
        expect(await lastUsed()).toBe('2025-05-01T08:00:01.000Z');
        clock.advance(30_000);
        await service.verify(secret);
        expect(await lastUsed()).toBe('2025-05-01T08:01:01.000Z');
      });

      it('records every use when asked to', async () => {
        service = new TokenService(subject.store, { clock: clock.now, lastUsedResolutionMs: 0 });
        const { token, secret } = await service.createToken({ label: 'x', role: 'auditor' });
        await service.verify(secret);
        clock.advance(1);
        await service.verify(secret);
        expect((await subject.store.get(token.tokenId))?.lastUsedAt).toBe('2025-05-01T08:00:00.001Z');
      });
    });

    describe('revoke and list', () => {
      it('keeps the first revocation date', async () => {
        const { token } = await service.createToken({ label: 'x', role: 'admin' });
        await expect(service.revoke(token.tokenId)).resolves.toMatchObject({ revokedAt: '2025-05-01T08:00:00.000Z' });
        clock.advance(60_000);
        await expect(service.revoke(token.tokenId)).resolves.toMatchObject({ revokedAt: '2025-05-01T08:00:00.000Z' });
      });

      it('reports an unknown token with TOKEN_NOT_FOUND', async () => {
        await expect(service.revoke('nope')).rejects.toMatchObject({ code: 'TOKEN_NOT_FOUND', tokenId: 'nope' });
      });

      it('lists tokens oldest first, revoked ones included, without hashes', async () => {
        await service.createToken({ label: 'first', role: 'admin' });
        clock.advance(1_000);
        const second = await service.createToken({ label: 'second', role: 'copil', communes: ['92094'] });
        await service.revoke(second.token.tokenId);
        const tokens = await service.list();
        expect(tokens.map((t) => [t.label, t.revokedAt !== null])).toEqual([
          ['first', false],
          ['second', true],
        ]);
        expect(tokens.every((t) => !('secretHash' in t))).toBe(true);
      });
    });

    describe('the store itself', () => {
      const record = (overrides: Partial<TokenRecord> = {}): TokenRecord => ({
        tokenId: 't-1',
        label: 'x',
        role: 'copil',
        communes: ['92094'],
        prefix: 'cdce_abcdef',
        secretHash: 'a'.repeat(64),
        createdAt: '2025-05-01T08:00:00.000Z',
        revokedAt: null,
        lastUsedAt: null,
        ...overrides,
      });

      it('refuses a second token with the same id or the same hash', async () => {
        await subject.store.insert(record());
        await expect(subject.store.insert(record({ secretHash: 'b'.repeat(64) }))).rejects.toMatchObject({ code: 'DUPLICATE_TOKEN' });
        await expect(subject.store.insert(record({ tokenId: 't-2' }))).rejects.toMatchObject({ code: 'DUPLICATE_TOKEN' });
        expect(await subject.store.list()).toHaveLength(1);
      });

      it('returns copies', async () => {
        await subject.store.insert(record());
        const read = await subject.store.get('t-1');
        (read?.communes as string[]).push('99999');
        expect((await subject.store.get('t-1'))?.communes).toEqual(['92094']);
      });

      it('finds nothing for an unknown id or hash', async () => {
        await expect(subject.store.get('t-x')).resolves.toBeUndefined();
        await expect(subject.store.findByHash('f'.repeat(64))).resolves.toBeUndefined();
        await expect(subject.store.revoke('t-x', '2025-01-01T00:00:00.000Z')).resolves.toBeUndefined();
      });
    });
  });
}
