import { type ApiHarness, startApi } from '../support/api-harness';

interface Entry {
  nis: string;
  names: { fr: string; nl: string; de?: string };
  province: { fr: string; nl: string } | null;
  region: string;
  successor?: string;
}

describe('GET /api/municipalities: names of the campaign communes in every language', () => {
  let api: ApiHarness;
  let byNis: Map<string, Entry>;

  beforeAll(async () => {
    api = await startApi();
    const { secret } = await api.token('copil', ['92094']);
    const response = await api.request('GET', '/api/municipalities', { token: secret });
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('private, max-age=3600');
    byNis = new Map((response.body.municipalities as Entry[]).map((m) => [m.nis, m]));
  });
  afterAll(() => api.close());

  it('lists the 280 communes of Wallonia and Brussels with their Dutch (and German) names and provinces', () => {
    const current = [...byNis.values()].filter((m) => m.successor === undefined);
    expect(current).toHaveLength(280);
    expect(current.every((m) => m.region === 'wallonia' || m.region === 'brussels')).toBe(true);
    expect(byNis.get('62063')).toEqual({
      nis: '62063',
      names: { fr: 'Liège', nl: 'Luik' },
      province: { fr: 'Liège', nl: 'Luik' },
      region: 'wallonia',
    });
    expect(byNis.get('21004')).toMatchObject({ names: { fr: 'Bruxelles', nl: 'Brussel' }, province: null });
    expect(byNis.get('63023')?.names.de).toBe('Eupen');
    expect(byNis.has('11002')).toBe(false);
  });

  it('names the communes a merger dissolved, which older histories still mention, with their successor', () => {
    expect(byNis.get('82005')).toMatchObject({ names: { fr: 'Bertogne' }, successor: '82039', region: 'wallonia' });
    expect(byNis.get('82005')?.province).toEqual(byNis.get('82039')?.province);
  });

  it('asks for a token like every API route', async () => {
    expect((await api.request('GET', '/api/municipalities')).status).toBe(401);
  });
});

describe('GET /api/communes?lang=: the list sorted by the names the reader sees', () => {
  let api: ApiHarness;
  let token: string;

  beforeAll(async () => {
    api = await startApi();
    token = (await api.token('auditor')).secret;
  });
  afterAll(() => api.close());

  type Item = { nis: string; names: { fr: string; nl: string; de?: string } };
  const list = async (query: string): Promise<Item[]> => {
    const response = await api.request('GET', `/api/communes?limit=500${query}`, { token });
    expect(response.status).toBe(200);
    return response.body.items as Item[];
  };

  it('sorts by the Dutch names with lang=nl, by the French ones by default', async () => {
    const [french, dutch] = [await list(''), await list('&lang=nl')];
    expect(french).toHaveLength(280);
    const inOrder = (names: string[], locale: string) =>
      expect(names).toEqual([...names].sort(new Intl.Collator(locale).compare));
    inOrder(
      french.map((c) => c.names.fr),
      'fr',
    );
    inOrder(
      dutch.map((c) => c.names.nl),
      'nl',
    );
    // Mons is Bergen in Dutch: among the first in Dutch, not in French.
    const rank = (items: Item[]) => items.findIndex((c) => c.names.fr === 'Mons');
    expect(rank(dutch)).toBeLessThan(rank(french) - 50);
  });

  it('sorts by the French name where there is no German one, and refuses a language it does not know', async () => {
    const german = await list('&lang=de');
    const shown = german.map((c) => c.names.de ?? c.names.fr);
    expect(shown).toEqual([...shown].sort(new Intl.Collator('de').compare));
    const refused = await api.request('GET', '/api/communes?lang=en', { token });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('lang');
  });
});
