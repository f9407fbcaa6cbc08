import { describe, expect, it } from 'vitest';
import { guardCheck, pathLooksLikeApi, type GuardRequest } from './guard.js';

const config = { token: 'tok-123', port: () => 4000 };
const request = (over: Partial<GuardRequest>): GuardRequest => ({ url: '/', method: 'GET', route: '/*', headers: { host: '127.0.0.1:4000' }, ...over });

describe('guardCheck: the token is required unless the matched route is public', () => {
  it('asks for the token on API routes, on no route at all, and on routes it does not know', () => {
    for (const r of [
      { url: '/api/accounts', route: '/api/accounts' },
      // What the router matched decides, whatever the target looked like.
      { url: '/%61pi/accounts', route: '/api/accounts' },
      { url: 'http://127.0.0.1:4000/api/accounts', route: '/api/accounts' },
      { url: '/%E0%A4%A', route: undefined },
      { url: '/nowhere', method: 'POST', route: undefined },
      { url: '/new-route', route: '/new-route' },
      { url: '/session', method: 'GET', route: '/session' },
    ]) {
      expect(guardCheck(config, request(r)), JSON.stringify(r)).toMatchObject({ ok: false, status: 401 });
      expect(guardCheck(config, request({ ...r, headers: { host: '127.0.0.1:4000', 'x-keepsake-token': 'tok-123' } })), JSON.stringify(r)).toEqual({
        ok: true,
      });
    }
  });

  it("lets the app's files and the one-time-link exchange through without it", () => {
    expect(guardCheck(config, request({ url: '/' }))).toEqual({ ok: true });
    expect(guardCheck(config, request({ url: '/assets/index-abc.js', method: 'HEAD' }))).toEqual({ ok: true });
    expect(guardCheck(config, request({ url: '/session', method: 'POST', route: '/session' }))).toEqual({ ok: true });
  });

  it('refuses a public route reached with a target that spells the API', () => {
    expect(guardCheck(config, request({ url: '/%2561pi/accounts' }))).toMatchObject({ ok: false, status: 401 });
  });
});

describe('pathLooksLikeApi', () => {
  it('sees the API through encodings, dot segments, slashes, case and the absolute form', () => {
    for (const url of [
      '/api',
      '/api/accounts',
      '/API/accounts',
      '/%61pi/accounts',
      '/%2561pi/accounts',
      '/%25252561pi/x',
      '/x/%2e%2e/api/accounts',
      '/x/%252e%252e/api/accounts',
      '//api/accounts',
      '/%5capi/accounts',
      '/api;x',
      'http://127.0.0.1:4000/api/accounts',
      'HTTP://localhost:4000/%61pi/accounts?x=1',
      '/%E0%A4%A',
      '/%25252525252561pi',
    ]) {
      expect(pathLooksLikeApi(url), url).toBe(true);
    }
  });

  it("leaves the app's own paths alone", () => {
    for (const url of ['/', '/index.html', '/assets/index-abc.js', '/apiary', '/x/api', '/accounts?api=1', '/#api', 'http://127.0.0.1:4000/assets/a.css']) {
      expect(pathLooksLikeApi(url), url).toBe(false);
    }
  });
});
