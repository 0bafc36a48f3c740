import * as path from 'node:path';
import { SqliteTokenStore, TOKEN_SECRET_PATTERN, TokenService } from '@cdce/auth';
import { cdce, tempDir } from './cli-support';

async function verify(dir: string, secret: string) {
  const store = SqliteTokenStore.open(path.join(dir, 'auth.sqlite'));
  try {
    return await new TokenService(store).verify(secret);
  } finally {
    store.close();
  }
}

describe('cdce tokens', () => {
  it('creates a token whose secret, printed once, opens the API; lists it; revokes it', async () => {
    const dir = tempDir('tokens');
    const created = await cdce(dir, [
      'tokens',
      'create',
      '--role',
      'copil',
      '--label',
      'COPIL Namur',
      '--commune',
      '92094',
    ]);
    expect(created.code).toBe(0);
    const secret = /Secret, affiché une seule fois : (\S+)/.exec(created.out)?.[1] ?? '';
    expect(secret).toMatch(TOKEN_SECRET_PATTERN);
    expect(await verify(dir, secret)).toMatchObject({ role: 'copil', communes: ['92094'], label: 'COPIL Namur' });

    const listed = await cdce(dir, ['tokens', 'list']);
    const tokenId = /Jeton créé : (\S+)/.exec(created.out)![1]!;
    expect(listed.out).toContain(tokenId);
    expect(listed.out).toContain('actif');
    expect(listed.out).not.toContain(secret);

    const revoked = await cdce(dir, ['tokens', 'revoke', tokenId]);
    expect(revoked.code).toBe(0);
    expect(await verify(dir, secret)).toBeNull();
    expect((await cdce(dir, ['tokens', 'list'])).out).toContain('révoqué le 2026-11-30');
  });

  it('says what to do when a request is wrong, with exit code 1', async () => {
    const dir = tempDir('tokens');
    const noCommune = await cdce(dir, ['tokens', 'create', '--role', 'copil', '--label', 'x']);
    expect(noCommune).toMatchObject({ code: 1, err: expect.stringContaining('at least one commune') });
    const unknown = await cdce(dir, ['tokens', 'revoke', 'nope']);
    expect(unknown).toMatchObject({ code: 1, err: expect.stringContaining('cdce tokens list') });
    const missingRole = await cdce(dir, ['tokens', 'create', '--label', 'x']);
    expect(missingRole).toMatchObject({ code: 1, err: expect.stringContaining('Option obligatoire manquante') });
    const badRole = await cdce(dir, ['tokens', 'create', '--role', 'boss', '--label', 'x']);
    expect(badRole.code).toBe(1);
    expect(badRole.err).toContain('coordination');
    expect((await cdce(dir, ['tokns'])).err).toContain('cdce --help');
  });

  it('answers --help in French with exit code 0', async () => {
    const help = await cdce(tempDir('help'), ['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('gérer les jetons');
    expect(help.out).toContain('historique');
  });
});
