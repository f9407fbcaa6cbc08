import { expect, it } from 'vitest';
import * as vault from './index.js';

// The public API of `keepsake/vault`, pinned: adding or removing an export must show up in review as a change here.
it('exports exactly the vault entry', () => {
  expect(Object.keys(vault).sort()).toMatchInlineSnapshot(`
    [
      "vaultClose",
      "vaultOpen",
      "vaultPath",
    ]
  `);
});
