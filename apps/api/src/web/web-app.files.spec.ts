import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveWebRoot, webTarget } from './web-app.files';

describe('the files of the built web app', () => {
  let root: string;

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(process.env.CDCE_TEST_DIR ?? os.tmpdir(), 'web-'));
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    fs.writeFileSync(path.join(root, 'robots.txt'), 'User-agent: *');
    fs.writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'outside the build');
  });

  it('serves a hashed asset as a file that may be cached for good', () =>
    expect(webTarget(root, '/assets/index-abc123.js?v=1')).toEqual({
      kind: 'file',
      relative: 'assets/index-abc123.js',
      immutable: true,
    }));

  it('serves other files of the build without the long cache', () =>
    expect(webTarget(root, '/robots.txt')).toEqual({ kind: 'file', relative: 'robots.txt', immutable: false }));

  it.each(['/', '/communes/92094', '/revue', '/index.html', '/assets/missing.js'])(
    'answers %s with the app itself',
    (url) => expect(webTarget(root, url)).toEqual({ kind: 'index' }),
  );

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%E0%A4%A'])(
    'never serves a file outside the build for %s',
    (url) => expect(webTarget(root, url)).toEqual({ kind: 'index' }),
  );

  it('says when the app was not built', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'web-empty-'));
    expect(webTarget(empty, '/')).toEqual({ kind: 'not_built' });
  });

  it('finds apps/web/dist above the server code, or takes CDCE_WEB_DIR', () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'project-'));
    const dist = path.join(project, 'apps', 'web', 'dist');
    const code = path.join(project, 'dist', 'apps', 'api', 'src', 'web');
    fs.mkdirSync(dist, { recursive: true });
    fs.mkdirSync(code, { recursive: true });
    expect(resolveWebRoot({}, code)).toBe(dist);
    expect(resolveWebRoot({ CDCE_WEB_DIR: '/srv/web' }, code)).toBe('/srv/web');
  });
});
