// The CLI as the `keepsake` command runs it: dist/cli (tsc's output, one file per module) bundled into
// dist/bundle/cli, one chunk per lazily loaded command. Node 20 has no compile cache, and it spends
// about 0.7 ms on each module it loads: `keepsake verify` loads ~85 of them before this bundle, a
// handful after. The library entries (dist/index.js, dist/vault, dist/server) stay unbundled.
// Native and server packages stay outside: better-sqlite3-multiple-ciphers is a native addon, Fastify loads its own
// plugins by name. The folder sits two levels under dist/, as dist/cli/commands/ does, so paths made
// from import.meta.url (the browser wallet's files in dist/web) resolve the same from both.
export default {
  input: { main: 'dist/cli/main.js' },
  platform: 'node',
  external: [/^node:/, 'better-sqlite3-multiple-ciphers', 'fastify', /^@fastify\//],
  logLevel: 'warn',
  output: { dir: 'dist/bundle/cli', format: 'esm', chunkFileNames: '[name]-[hash].js', cleanDir: true },
};
