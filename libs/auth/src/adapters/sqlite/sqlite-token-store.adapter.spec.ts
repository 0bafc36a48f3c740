import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenService } from '../../application/token.service';
import { describeTokenStoreContract } from '../../testing/token-store.contract';
import { SqliteTokenStore } from './sqlite-token-store.adapter';

const scratch = () => mkdtempSync(join(process.env.CDCE_TEST_DIR ?? tmpdir(), 'auth-'));

describeTokenStoreContract('SQLite file', () => {
  const store = SqliteTokenStore.open(join(scratch(), 'tokens.sqlite'));
  return { store, dispose: () => store.close() };
});

describe('SqliteTokenStore on a real file', () => {
  it('verifies a token after a reopen, and a revocation seen by another connection', async () => {
    const path = join(scratch(), 'tokens.sqlite');
    const first = SqliteTokenStore.open(path);
    const { token, secret } = await new TokenService(first).createToken({ label: 'cli', role: 'admin' });
    first.close();

    const api = SqliteTokenStore.open(path);
    const cli = SqliteTokenStore.open(path);
    await expect(new TokenService(api).verify(secret)).resolves.toMatchObject({ tokenId: token.tokenId });
    await new TokenService(cli).revoke(token.tokenId);
    await expect(new TokenService(api).verify(secret)).resolves.toBeNull();
    api.close();
    cli.close();
  });

  it('never writes the secret to the file or its WAL', async () => {
    const path = join(scratch(), 'tokens.sqlite');
    const store = SqliteTokenStore.open(path);
    const { secret } = await new TokenService(store).createToken({ label: 'x', role: 'coordination' });
    const bytes = [path, `${path}-wal`]
      .filter(existsSync)
      .map((file) => readFileSync(file).toString('latin1'))
      .join();
    expect(bytes).toContain(secret.slice(0, 11)); // the recognisable prefix is there, so the probe reads the data
    expect(bytes).not.toContain(secret.slice(11));
    store.close();
  });

  it('refuses a file that belongs to something else', () => {
    const path = join(scratch(), 'people.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE people (person_id TEXT)');
    db.close();
    expect(() => SqliteTokenStore.open(path)).toThrow(
      expect.objectContaining({ code: 'TOKEN_STORE_UNAVAILABLE' }) as Error,
    );
  });
});
