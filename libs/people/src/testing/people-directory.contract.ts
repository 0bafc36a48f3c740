import { displayName } from '../domain/person';
import type { Person } from '../domain/person';
import type { Clock, PeopleDirectory } from '../people-directory.port';

/** A directory to test, and how to dispose of it. */
export interface DirectoryUnderTest {
  readonly directory: PeopleDirectory;
  readonly dispose?: () => void | Promise<void>;
}

export const ERASURE_TIME = '2025-03-14T09:30:00.000Z';

export function aPerson(overrides: Partial<Person> = {}): Person {
  return {
    personId: 'p-anne',
    fullName: 'Anne Dubois',
    email: 'anne.dubois@namur.be',
    language: 'fr',
    communes: ['92094'],
    roles: ['échevine'],
    ...overrides,
  };
}

/** The behaviour every `PeopleDirectory` adapter must show. `make` receives the clock to use for erasures. */
export function describePeopleDirectoryContract(name: string, make: (clock: Clock) => DirectoryUnderTest): void {
  describe(`PeopleDirectory contract: ${name}`, () => {
    let subject: DirectoryUnderTest;
    let directory: PeopleDirectory;
    beforeEach(() => {
      subject = make(() => new Date(ERASURE_TIME));
      directory = subject.directory;
    });
    afterEach(async () => {
      await subject.dispose?.();
    });

    const anne = aPerson();
    const bert = aPerson({
      personId: 'p-bert',
      fullName: 'Bert Peeters',
      email: 'bert@bxl.brussels',
      language: 'nl',
      communes: ['21004', '92094'],
      roles: ['bénévole'],
      phone: '+32 2 123 45 67',
    });

    describe('register and get', () => {
      it('stores a person and returns it normalised', async () => {
        const stored = await directory.register(
          aPerson({
            fullName: '  Anne Dubois ',
            communes: ['92094', '21004', '92094'],
            roles: ['échevine', 'échevine'],
          }),
        );
        expect(stored).toEqual({ ...anne, communes: ['21004', '92094'] });
        expect(await directory.get('p-anne')).toEqual({ status: 'active', ...anne, communes: ['21004', '92094'] });
      });

      it('keeps the optional phone', async () => {
        await directory.register(bert);
        expect(await directory.get('p-bert')).toMatchObject({ phone: '+32 2 123 45 67', language: 'nl' });
      });

      it('refuses a malformed e-mail, naming every wrong field', async () => {
        const error = await directory
          .register(aPerson({ email: 'anne at namur.be', language: 'en' as never, communes: ['9209'] }))
          .catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'INVALID_PERSON' });
        expect((error as { problems: { field: string }[] }).problems.map((p) => p.field)).toEqual([
          'email',
          'language',
          'communes',
        ]);
        await expect(directory.get('p-anne')).rejects.toMatchObject({ code: 'PERSON_NOT_FOUND' });
      });

      it.each(['anne@namur', 'anne@@namur.be', '@namur.be', 'anne@.be', ''])('refuses the e-mail %j', async (email) => {
        await expect(directory.register(aPerson({ email }))).rejects.toMatchObject({ code: 'INVALID_PERSON' });
      });

      it('reports an unknown person with PERSON_NOT_FOUND', async () => {
        await expect(directory.get('p-nobody')).rejects.toMatchObject({
          code: 'PERSON_NOT_FOUND',
          personId: 'p-nobody',
        });
      });

      it('refuses a second person with the same e-mail, whatever its case', async () => {
        await directory.register(anne);
        await expect(
          directory.register(aPerson({ personId: 'p-other', email: 'Anne.Dubois@Namur.BE' })),
        ).rejects.toMatchObject({ code: 'DUPLICATE_EMAIL', existingPersonId: 'p-anne' });
        await expect(directory.get('p-other')).rejects.toMatchObject({ code: 'PERSON_NOT_FOUND' });
      });

      it('accepts the very same registration twice (a retry) but not other details under the same id', async () => {
        await directory.register(anne);
        await expect(directory.register(anne)).resolves.toEqual(anne);
        await expect(directory.register(aPerson({ fullName: 'Anne Martin' }))).rejects.toMatchObject({
          code: 'PERSON_ALREADY_EXISTS',
        });
        expect(await directory.list()).toHaveLength(1);
      });

      it('returns copies: changing them changes nothing stored', async () => {
        const stored = await directory.register(anne);
        (stored.communes as string[]).push('99999');
        const read = await directory.get('p-anne');
        if (read.status === 'active') (read.roles as string[]).push('bourgmestre');
        expect(await directory.get('p-anne')).toEqual({ status: 'active', ...anne });
      });
    });

    describe('update', () => {
      beforeEach(async () => {
        await directory.register(anne);
        await directory.register(bert);
      });

      it('changes only the given fields', async () => {
        const updated = await directory.update('p-anne', { roles: ['bourgmestre'], communes: ['92094', '92003'] });
        expect(updated).toEqual({ ...anne, roles: ['bourgmestre'], communes: ['92003', '92094'] });
        expect(await directory.get('p-anne')).toEqual({ status: 'active', ...updated });
      });

      it('removes the phone when given null', async () => {
        await directory.update('p-bert', { phone: null });
        expect(await directory.get('p-bert')).not.toHaveProperty('phone');
      });

      it("refuses another person's e-mail but accepts one's own in another case", async () => {
        await expect(directory.update('p-anne', { email: 'BERT@bxl.brussels' })).rejects.toMatchObject({
          code: 'DUPLICATE_EMAIL',
        });
        await expect(directory.update('p-anne', { email: 'ANNE.dubois@namur.be' })).resolves.toMatchObject({
          email: 'ANNE.dubois@namur.be',
        });
      });

      it('changes nothing when the result is invalid', async () => {
        await expect(directory.update('p-anne', { fullName: ' ', email: 'x' })).rejects.toMatchObject({
          code: 'INVALID_PERSON',
        });
        expect(await directory.get('p-anne')).toEqual({ status: 'active', ...anne });
      });

      it('reports an unknown person', async () => {
        await expect(directory.update('p-nobody', { fullName: 'X' })).rejects.toMatchObject({
          code: 'PERSON_NOT_FOUND',
        });
      });
    });

    describe('erase (GDPR)', () => {
      beforeEach(async () => {
        await directory.register(anne);
        await directory.register(bert);
      });

      it('keeps only a tombstone, shown as « personne effacée »', async () => {
        await expect(directory.erase('p-anne')).resolves.toEqual({
          status: 'erased',
          personId: 'p-anne',
          erasedAt: ERASURE_TIME,
        });
        const entry = await directory.get('p-anne');
        expect(entry).toEqual({ status: 'erased', personId: 'p-anne', erasedAt: ERASURE_TIME });
        expect(displayName(entry)).toBe('personne effacée');
        expect(JSON.stringify(entry)).not.toMatch(/Anne|namur\.be|échevine/);
      });

      it('removes the person from listings and contacts', async () => {
        await directory.erase('p-anne');
        expect((await directory.list()).map((p) => p.personId)).toEqual(['p-bert']);
        expect((await directory.list({ nis: '92094' })).map((p) => p.personId)).toEqual(['p-bert']);
        expect(await directory.contactsOf(['p-anne'])).toEqual([]);
      });

      it('frees the e-mail for someone else, but never the id', async () => {
        await directory.erase('p-anne');
        await expect(directory.register(aPerson({ personId: 'p-anne-2' }))).resolves.toMatchObject({
          email: anne.email,
        });
        await expect(directory.register(anne)).rejects.toMatchObject({ code: 'PERSON_ERASED' });
      });

      it('refuses to update an erased person', async () => {
        await directory.erase('p-anne');
        await expect(directory.update('p-anne', { fullName: 'Anne' })).rejects.toMatchObject({
          code: 'PERSON_ERASED',
          erasedAt: ERASURE_TIME,
        });
      });

      it('keeps the first erasure date when erased again', async () => {
        await directory.erase('p-anne');
        await expect(directory.erase('p-anne')).resolves.toMatchObject({ erasedAt: ERASURE_TIME });
      });

      it('reports an unknown person', async () => {
        await expect(directory.erase('p-nobody')).rejects.toMatchObject({ code: 'PERSON_NOT_FOUND' });
      });
    });

    describe('contactsOf and list', () => {
      const emile = aPerson({ personId: 'p-emile', fullName: 'Émile Lejeune', email: 'emile@liege.be', communes: [] });
      const zoe = aPerson({ personId: 'p-zoe', fullName: 'zoé Adam', email: 'zoe@liege.be', communes: ['62063'] });

      beforeEach(async () => {
        for (const person of [zoe, bert, emile, anne]) await directory.register(person);
      });

      it('returns contacts in the order asked, once each, skipping unknown ids', async () => {
        const contacts = await directory.contactsOf(['p-zoe', 'p-nobody', 'p-anne', 'p-zoe']);
        expect(contacts.map((p) => p.personId)).toEqual(['p-zoe', 'p-anne']);
        expect(contacts[1]).toEqual(anne);
      });

      it('lists everyone by name, accents and case aside', async () => {
        expect((await directory.list()).map((p) => p.fullName)).toEqual([
          'Anne Dubois',
          'Bert Peeters',
          'Émile Lejeune',
          'zoé Adam',
        ]);
      });

      it('lists the contacts of one commune', async () => {
        expect((await directory.list({ nis: '92094' })).map((p) => p.personId)).toEqual(['p-anne', 'p-bert']);
        expect((await directory.list({ nis: '62063' })).map((p) => p.personId)).toEqual(['p-zoe']);
        expect(await directory.list({ nis: '11002' })).toEqual([]);
      });

      it('follows communes changed by an update', async () => {
        await directory.update('p-anne', { communes: ['62063'] });
        expect((await directory.list({ nis: '92094' })).map((p) => p.personId)).toEqual(['p-bert']);
        expect((await directory.list({ nis: '62063' })).map((p) => p.personId)).toEqual(['p-anne', 'p-zoe']);
      });
    });
  });
}
