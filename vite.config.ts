import { defineConfig } from 'vite';

// The browser wallet: React without a plugin (Vite compiles TSX itself), built to dist/web, served by
// `keepsake ui`. No inline scripts or styles, so the server's strict CSP holds.
export default defineConfig({
  root: 'web',
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
  },
});
