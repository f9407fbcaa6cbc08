import { expect, it } from 'vitest';
import * as server from './index.js';

// The public API of `keepsake/server`, pinned: adding or removing an export must show up in review as a change here.
it('exports exactly the server entry', () => {
  expect(Object.keys(server).sort()).toMatchInlineSnapshot(`
    [
      "serverCreate",
    ]
  `);
});
