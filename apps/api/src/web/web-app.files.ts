import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Where the built web app lives: `CDCE_WEB_DIR` when set (a container may put it elsewhere), else the first
 * `apps/web/dist` found walking up from this file, which works both from `apps/api/src/web` (tests, ts-node) and
 * from the compiled `dist/apps/api/src/web`.
 */
export function resolveWebRoot(env: NodeJS.ProcessEnv = process.env, from: string = __dirname): string {
  if (env.CDCE_WEB_DIR) return path.resolve(env.CDCE_WEB_DIR);
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'apps', 'web', 'dist');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return path.resolve('apps', 'web', 'dist');
  }
}

/** What the server sends for a path outside `/api`: an existing file of the build, or the SPA's `index.html`. */
export type WebTarget =
  | { readonly kind: 'file'; readonly relative: string; readonly immutable: boolean }
  | { readonly kind: 'index' }
  | { readonly kind: 'not_built' };

/**
 * Maps a URL path to what to send. Paths that leave the root (`..`, encoded or not) fall back to the index, never
 * to a file outside the build. Files under `assets/` carry a content hash in their name, so they may be cached for
 * good; `index.html` must not be, or a new build would never reach the browser.
 */
export function webTarget(root: string, urlPath: string): WebTarget {
  if (!fs.existsSync(path.join(root, 'index.html'))) return { kind: 'not_built' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return { kind: 'index' };
  }
  const absolute = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (!absolute.startsWith(root + path.sep)) return { kind: 'index' };
  const relative = path.relative(root, absolute);
  if (relative === 'index.html' || !isFile(absolute)) return { kind: 'index' };
  return {
    kind: 'file',
    relative: relative.split(path.sep).join('/'),
    immutable: relative.startsWith('assets' + path.sep),
  };
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Shown instead of the app when `npm run build:web` has not been run: says what to do, in French first. */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>cdce — application web non construite</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}code{background:#eee;padding:.1rem .3rem}</style>
</head>
<body>
<h1>L’application web n’a pas été construite</h1>
<p>Le serveur fonctionne (l’API répond sous <code>/api</code>, sa documentation sous <a href="/api/docs">/api/docs</a>),
mais les fichiers de l’application web sont absents.</p>
<p>Construisez-la avec <code>npm run build:web</code> (ou <code>npm run build</code>, que lance <code>npm start</code>), puis rechargez la page.</p>
<p lang="en">The web app has not been built: run <code>npm run build:web</code> and reload.</p>
</body>
</html>
`;
