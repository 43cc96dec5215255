import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const domain = fileURLToPath(new URL('../../libs/domain/src/', import.meta.url));

/**
 * The dashboard SPA. Built into apps/web/dist, which the API serves at `/` (see apps/api/src/main.ts).
 * No @vitejs/plugin-react (its peer dependencies do not resolve with this stack): Vite's own oxc
 * transform compiles TSX with React's automatic JSX runtime; there is no fast refresh in dev.
 */
export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  resolve: {
    // The stage graph comes from the domain's pure modules (`@app/domain/case-stage`, …), as on the
    // server. Only the per-module form is mapped: the index would bring in every domain module.
    alias: [{ find: /^@app\/domain\//, replacement: domain }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
  },
  server: {
    // `npx vite apps/web` during development: the API on :3000 answers the API routes.
    proxy: {
      '/graphql': 'http://127.0.0.1:3000',
      '/reports': 'http://127.0.0.1:3000',
      '/registers': 'http://127.0.0.1:3000',
      '/imports': 'http://127.0.0.1:3000',
      '/health': 'http://127.0.0.1:3000',
    },
  },
});
