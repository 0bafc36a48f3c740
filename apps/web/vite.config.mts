import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The coordination's web app, built to static files (`apps/web/dist`) that the API serves at `/`.
 * No React plugin: Vite's own transform compiles TSX with the automatic JSX runtime. Everything is bundled (no CDN,
 * no web font) so that the app works offline and on a closed network. `.mts`: the config is an ES module whatever
 * the root package's module type.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
