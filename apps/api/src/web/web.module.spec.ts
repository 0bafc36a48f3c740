import * as fs from 'node:fs';
import * as path from 'node:path';
import { TokenService } from '@cdce/auth';
import { type ApiHarness, startApi } from '../../../../test/support/api-harness';

/*
 * The web app served by the real application. The build folder is a temporary one (CDCE_WEB_DIR), so that this spec
 * neither needs nor disturbs a real build of apps/web.
 */
describe('the web app served at /', () => {
  let api: ApiHarness;
  let webDir: string;
  const previous = process.env.CDCE_WEB_DIR;

  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(process.env.CDCE_TEST_DIR!, 'web-dist-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><html lang="fr"><title>cdce</title></html>');
    fs.writeFileSync(path.join(webDir, 'assets', 'index-abc123.js'), 'console.log("cdce")');
    process.env.CDCE_WEB_DIR = webDir;
    api = await startApi();
  });

  afterAll(async () => {
    await api.close();
    if (previous === undefined) delete process.env.CDCE_WEB_DIR;
    else process.env.CDCE_WEB_DIR = previous;
  });

  const get = (url: string, headers: Record<string, string> = {}) => api.app.inject({ method: 'GET', url, headers });

  it('answers / and the app’s own routes with index.html, never cached', async () => {
    for (const url of ['/', '/communes/92094', '/revue?x=1']) {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<html lang="fr">');
    }
  });

  it('serves hashed assets with a long, immutable cache', async () => {
    const response = await get('/assets/index-abc123.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body).toBe('console.log("cdce")');
  });

  it('keeps unknown API routes a problem+json 404, not the app', async () => {
    const response = await get('/api/no-such-thing');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('leaves the API, the health check and the OpenAPI document where they were', async () => {
    expect((await get('/health')).json()).toMatchObject({ status: expect.any(String) });
    expect((await get('/api/docs/openapi.json')).json()).toMatchObject({
      paths: expect.objectContaining({ '/api/session': expect.anything() }),
    });
    expect((await get('/api/communes')).statusCode).toBe(401);
  });

  it('tells the web app who holds the token: role, communes and permissions', async () => {
    const copil = await api.token('copil', ['92094']);
    const response = await api.request('GET', '/api/session', { token: copil.secret });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      tokenId: copil.tokenId,
      label: 'test copil',
      role: 'copil',
      communes: ['92094'],
      permissions: expect.arrayContaining(['commune.read', 'commune.write']),
    });
    expect(response.body.permissions).not.toContain('commune.review');
    expect((await api.request('GET', '/api/session')).status).toBe(401);
  });

  it('names the tokens that events and reviews refer to by id, revoked ones included, and no more to a COPIL', async () => {
    const tokens = api.app.get(TokenService);
    const anne = await tokens.createToken({ label: 'Coordination — Anne', role: 'coordination' });
    const namur = await tokens.createToken({ label: 'COPIL Namur — Marc', role: 'copil', communes: ['92094'] });
    const liege = await tokens.createToken({ label: 'COPIL Liège — Sophie', role: 'copil', communes: ['62063'] });
    const gone = await tokens.createToken({ label: 'Ancien stagiaire', role: 'coordination' });
    const auditor = await tokens.createToken({ label: 'Cabinet d’audit', role: 'auditor' });
    await tokens.revoke(gone.token.tokenId);

    const byCoordination = await api.request('GET', '/api/actors', { token: anne.secret });
    expect(byCoordination.status).toBe(200);
    const names = new Map(byCoordination.body.actors.map((a: { id: string; label: string }) => [a.id, a.label]));
    expect(names.get(namur.token.tokenId)).toBe('COPIL Namur — Marc');
    expect(names.get(liege.token.tokenId)).toBe('COPIL Liège — Sophie');
    expect(byCoordination.body.actors).toContainEqual({
      id: gone.token.tokenId,
      label: 'Ancien stagiaire',
      role: 'coordination',
      revoked: true,
    });
    expect(JSON.stringify(byCoordination.body)).not.toMatch(/secretHash|cdce_/);
    // Auditors only read: no event names them.
    expect(names.has(auditor.token.tokenId)).toBe(false);

    const byNamur = await api.request('GET', '/api/actors', { token: namur.secret });
    expect(byNamur.status).toBe(200);
    const seenByNamur = byNamur.body.actors.map((a: { id: string }) => a.id);
    expect(seenByNamur).toEqual(expect.arrayContaining([anne.token.tokenId, namur.token.tokenId]));
    expect(seenByNamur).not.toContain(liege.token.tokenId);
    expect((await api.request('GET', '/api/actors')).status).toBe(401);

    // Bertogne (82005) merged into Bertogne (82039) in 2025: what its COPIL recorded is in the successor's history.
    const before = await tokens.createToken({ label: 'COPIL Bertogne — avant', role: 'copil', communes: ['82005'] });
    const after = await tokens.createToken({ label: 'COPIL Bertogne', role: 'copil', communes: ['82039'] });
    const seenAfter = (await api.request('GET', '/api/actors', { token: after.secret })).body.actors.map(
      (a: { id: string }) => a.id,
    );
    expect(seenAfter).toEqual(expect.arrayContaining([before.token.tokenId, after.token.tokenId]));
    expect(seenAfter).not.toContain(namur.token.tokenId);
    const seenBefore = (await api.request('GET', '/api/actors', { token: before.secret })).body.actors.map(
      (a: { id: string }) => a.id,
    );
    expect(seenBefore).toContain(after.token.tokenId);
  });

  it('shows a page that says how to build the app when it was not built', async () => {
    fs.renameSync(path.join(webDir, 'index.html'), path.join(webDir, 'index.html.bak'));
    try {
      const response = await get('/communes');
      expect(response.statusCode).toBe(503);
      expect(response.body).toContain('npm run build:web');
    } finally {
      fs.renameSync(path.join(webDir, 'index.html.bak'), path.join(webDir, 'index.html'));
    }
  });
});
