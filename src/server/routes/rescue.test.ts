/**
 * The rescue routes (issue 15) the Find wallets page calls: a search of a folder given, and the
 * Concordium Desktop Wallet's database imported with its password — a wrong one refused as a wrong
 * secret (422) and counted by the failure limiter.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concordiumDesktopDbWrite, desktopDbData } from '../../../test/support/concordiumDb.js';
import { testAppStart, type TestApp } from '../testApp.js';

let server: TestApp;
beforeAll(async () => {
  server = await testAppStart({ name: 'rescue', free: 100 });
});
afterAll(() => server.stop());

describe('rescue routes', () => {
  it('a folder without wallet storage: nothing found, said as notes; a bad folder list is a usage error', async () => {
    const r = await server.post('/api/rescue/scan', { dirs: [join(server.dir, 'web')] });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ stores: [], concordium: [], notes: [expect.stringMatching(/holds no browser extension storage/)] });
    const bad = await server.post('/api/rescue/scan', { dirs: 'not a list' });
    expect(bad.statusCode).toBe(400);
  });

  it("the Concordium Desktop Wallet's database: a wrong password is 422 and imports nothing; the right one imports it", async () => {
    const file = join(server.dir, 'concordium-desktop-wallet-database.sqlite3');
    const data = desktopDbData({ tag: 'R' });
    await concordiumDesktopDbWrite(file, 'wallet password 2', data);
    const wrong = await server.post('/api/rescue/concordium', { file, password: 'not it at all' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ error: { name: 'DesktopDatabasePasswordError' } });
    expect((await server.app.inject({ method: 'GET', url: '/api/concordium', headers: server.headers() })).json()).toMatchObject({ identities: [] });
    const ok = await server.post('/api/rescue/concordium', { file, password: 'wallet password 2' });
    expect(ok.statusCode).toBe(200);
    const list = (await server.app.inject({ method: 'GET', url: '/api/concordium', headers: server.headers() })).json() as { identities: unknown[] };
    expect(list.identities).toHaveLength(data.identities.length);
  });
});
