import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aPerson, describePeopleDirectoryContract } from '../../testing/people-directory.contract';
import { SqlitePeopleDirectory } from './sqlite-people-directory.adapter';

const scratch = () => mkdtempSync(join(process.env.CDCE_TEST_DIR ?? tmpdir(), 'people-'));

describePeopleDirectoryContract('SQLite file', (clock) => {
  const directory = SqlitePeopleDirectory.open(join(scratch(), 'people.sqlite'), { clock });
  return { directory, dispose: () => directory.close() };
});

describe('SqlitePeopleDirectory on a real file', () => {
  it('keeps people and tombstones across a reopen', async () => {
    const path = join(scratch(), 'people.sqlite');
    const first = SqlitePeopleDirectory.open(path);
    await first.register(aPerson());
    await first.register(aPerson({ personId: 'p-gone', email: 'gone@namur.be' }));
    await first.erase('p-gone');
    first.close();

    const second = SqlitePeopleDirectory.open(path);
    expect(await second.get('p-anne')).toEqual({ status: 'active', ...aPerson() });
    expect(await second.get('p-gone')).toMatchObject({ status: 'erased' });
    second.close();
  });

  it('leaves no trace of an erased e-mail or name in the database file or its WAL', async () => {
    const path = join(scratch(), 'people.sqlite');
    const directory = SqlitePeopleDirectory.open(path);
    const secret = aPerson({ fullName: 'Zéphyrine Vandersmissen', email: 'zephyrine.vandersmissen@ottignies.be' });
    await directory.register(secret);
    await directory.update('p-anne', { phone: '+32 10 98 76 54' });
    const bytes = () =>
      [path, `${path}-wal`]
        .filter(existsSync)
        .map((file) => readFileSync(file).toString('latin1'))
        .join();
    expect(bytes()).toContain('zephyrine.vandersmissen@ottignies.be'); // proves the probe can see the data

    await directory.erase('p-anne');
    expect(bytes()).not.toContain('zephyrine.vandersmissen');
    expect(bytes()).not.toContain('Vandersmissen');
    expect(bytes()).not.toContain('98 76 54');
    directory.close();
  });

  it('enforces unique e-mails between two connections on the same file', async () => {
    const path = join(scratch(), 'people.sqlite');
    const one = SqlitePeopleDirectory.open(path);
    const two = SqlitePeopleDirectory.open(path);
    await one.register(aPerson());
    await expect(two.register(aPerson({ personId: 'p-twin' }))).rejects.toMatchObject({ code: 'DUPLICATE_EMAIL' });
    expect(await two.get('p-anne')).toMatchObject({ status: 'active' });
    one.close();
    two.close();
  });

  it('uses WAL journaling', () => {
    const path = join(scratch(), 'people.sqlite');
    SqlitePeopleDirectory.open(path).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses a file that belongs to something else, without touching it', () => {
    const path = join(scratch(), 'events.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE events (id TEXT)');
    db.close();
    expect(() => SqlitePeopleDirectory.open(path)).toThrow(
      expect.objectContaining({ code: 'PEOPLE_STORE_UNAVAILABLE' }) as Error,
    );
    const check = new Database(path, { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([{ name: 'events' }]);
    check.close();
  });

  it('refuses a file written by a newer schema version', () => {
    const path = join(scratch(), 'people.sqlite');
    SqlitePeopleDirectory.open(path).close();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => SqlitePeopleDirectory.open(path)).toThrow(/schema version 99/);
  });
});
