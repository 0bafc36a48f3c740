import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ApiHarness, startApi } from '../support/api-harness';

/** The people directory over HTTP: personal data outside the events, scoped by commune, erasable. */
describe('people of a commune over HTTP', () => {
  let api: ApiHarness;
  let coordination: string;
  let copilNamur: string;
  const anne = {
    personId: '5b0c3f52-8f0c-4d0e-9a55-6a1f3c2d9e01',
    fullName: 'Anne Dupont',
    email: 'anne.dupont@example.org',
    phone: '+32 81 24 60 00',
    language: 'fr',
    roles: ['échevine du commerce équitable'],
  };

  beforeAll(async () => {
    api = await startApi();
    coordination = (await api.token('coordination')).secret;
    copilNamur = (await api.token('copil', ['92094'])).secret;
  });
  afterAll(() => api.close());

  it('adds a contact to a commune and lists it', async () => {
    const created = await api.request('POST', '/api/communes/92094/people', { token: copilNamur, body: anne });
    expect(created.status).toBe(201);
    const listed = await api.request('GET', '/api/communes/92094/people', { token: coordination });
    expect(listed.body).toEqual([expect.objectContaining({ personId: anne.personId, fullName: 'Anne Dupont', communes: ['92094'] })]);
  });

  it('refuses an invalid contact field by field, and a duplicate e-mail with 409', async () => {
    const invalid = await api.request('POST', '/api/communes/92094/people', {
      token: coordination,
      body: { ...anne, personId: 'not an id!', email: 'nope', language: 'en' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'language', 'personId']);
    const duplicate = await api.request('POST', '/api/communes/92094/people', {
      token: coordination,
      body: { ...anne, personId: '7d1e0b7c-2a3b-4c5d-8e9f-0a1b2c3d4e5f', email: 'ANNE.DUPONT@example.org' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('DUPLICATE_EMAIL');
  });

  it("keeps a COPIL token away from another commune's contacts", async () => {
    expect((await api.request('GET', '/api/communes/25005/people', { token: copilNamur })).status).toBe(403);
    expect((await api.request('PATCH', `/api/communes/25005/people/${anne.personId}`, { token: coordination, body: { phone: '+32 2 000 00 00' } })).status).toBe(404);
  });

  it('changes a contact, then erases it for good: no trace left in the directory file', async () => {
    const changed = await api.request('PATCH', `/api/communes/92094/people/${anne.personId}`, { token: copilNamur, body: { phone: '+32 81 00 00 00' } });
    expect(changed.body.phone).toBe('+32 81 00 00 00');
    const erased = await api.request('DELETE', `/api/communes/92094/people/${anne.personId}`, { token: coordination });
    expect(erased.body).toMatchObject({ status: 'erased', personId: anne.personId });
    expect((await api.request('GET', '/api/communes/92094/people', { token: coordination })).body).toEqual([]);
    const bytes = ['people.sqlite', 'people.sqlite-wal']
      .map((file) => path.join(api.dataDir, file))
      .filter((file) => fs.existsSync(file))
      .map((file) => fs.readFileSync(file).toString('latin1'))
      .join('');
    expect(bytes).not.toContain('anne.dupont@example.org');
  });
});
