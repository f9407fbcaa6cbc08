import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The browser wallet: React without a plugin (Vite compiles TSX itself), built to dist/web, served by
// `keepsake ui`. No inline scripts or styles, so the server's strict CSP holds.
export default defineConfig({
  root: 'web',
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    // @polkadot/ui-shared's identicon imports two functions of @polkadot/util-crypto, whose package
    // starts WebAssembly the CSP forbids: the page gets those two from a small module instead
    // (see web/src/polkadotUtilCrypto.ts; tested against the real package).
    alias: [{ find: /^@polkadot\/util-crypto$/, replacement: fileURLToPath(new URL('./web/src/polkadotUtilCrypto.ts', import.meta.url)) }],
  },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
  },
});
