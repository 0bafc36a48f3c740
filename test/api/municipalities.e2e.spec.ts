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
