/**
 * The README promises "Node 20.19 or later": every package the lock file installs must accept that
 * Node, or `npm install` warns (EBADENGINE) and the package may break at run time. Read from
 * package-lock.json, so a dependency bump that needs a newer Node fails here, not on a user's machine.
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as { packages: Record<string, { engines?: { node?: string } | string[] }> };
const readme = readFileSync(new URL('README.md', root), 'utf8');

it('the README, package.json engines and every locked package agree on the oldest Node', () => {
  const named = /Node (\d+\.\d+) or later/.exec(readme)?.[1];
  expect(named, 'the README names the oldest Node it supports').toBeDefined();
  const oldest = `${named}.0`;
  expect(semver.minVersion(pkg.engines.node)?.version).toBe(oldest);
  const refusing = Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && !Array.isArray(entry.engines) && entry.engines?.node !== undefined)
    .filter(([, entry]) => !semver.satisfies(oldest, (entry.engines as { node: string }).node))
    .map(([path, entry]) => `${path} (node ${(entry.engines as { node: string }).node})`);
  expect(refusing).toEqual([]);
});
