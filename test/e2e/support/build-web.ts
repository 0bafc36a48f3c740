import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Builds the web app into apps/web/dist exactly as `npm run build:web` does, so that the API serves what a user
 * gets. Vite is an ES module: it runs in its own process rather than in jest's module system.
 */
export function buildWebApp(): void {
  const manifest = require.resolve('vite/package.json', { paths: [ROOT] });
  const vite = path.join(
    path.dirname(manifest),
    (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { bin: { vite: string } }).bin.vite,
  );
  execFileSync(process.execPath, [vite, 'build', 'apps/web', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    // jest sets NODE_ENV=test, which would give React's development build: build what production serves.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
