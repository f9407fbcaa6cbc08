import type { FastifyInstance, FastifyReply } from 'fastify';
import { BaseError } from '../../errors/base.js';
import { UsageError } from '../../errors/usage.js';
import { isKeyType, type KeyType } from '../../keys/types.js';
import type { Vault } from '../../vault/open.js';
import { sendError, SECRET_ERRORS } from '../errors.js';
import type { FailureLimiter } from '../limiter.js';

type Ctx = { vault: Vault; limiter: FailureLimiter };
type Body = Record<string, unknown>;

/** Reads one field of a JSON body, naming it when it is missing or of the wrong type. */
function str(body: Body, name: string, optional?: false): string;
function str(body: Body, name: string, optional: true): string | undefined;
function str(body: Body, name: string, optional = false): string | undefined {
  const v = body[name];
  if (v === undefined || v === null || v === '') {
    if (optional) return undefined;
    throw new UsageError({ reason: `The field "${name}" is missing.`, hint: 'Fill it in and try again.' });
  }
  if (typeof v !== 'string') throw new UsageError({ reason: `The field "${name}" must be text.` });
  return v;
}

function keyType(body: Body): KeyType {
  const t = str(body, 'type', true) ?? 'sr25519';
  if (!isKeyType(t)) throw new UsageError({ reason: `Unknown key type "${t.slice(0, 20)}".` });
  return t;
}

function files(body: Body): { file: string; text: string }[] {
  const list = body['files'];
  if (!Array.isArray(list) || list.length === 0) throw new UsageError({ reason: 'No file was given.', hint: 'Pick or drop a backup file.' });
  return list.map((f, i) => {
    if (typeof f !== 'object' || f === null) throw new UsageError({ reason: `File ${i + 1} is not a file.` });
    const o = f as Body;
    return { file: str(o, 'name'), text: str(o, 'text') };
  });
}

/**
 * The JSON API: each route parses its body, calls one `src/wallet/` function and returns its result.
 * Routes that take a password or PIN go through the failure limiter.
 */
export function apiRoutes(app: FastifyInstance, ctx: Ctx): void {
  const { vault, limiter } = ctx;
  const plain = (path: string, fn: (body: Body) => Promise<unknown> | unknown) =>
    app.post(path, async (request, reply) => reply.send(await fn((request.body ?? {}) as Body)));
  const secret = (path: string, fn: (body: Body) => Promise<unknown>) =>
    app.post(path, async (request, reply): Promise<FastifyReply> => {
      const wait = limiter.waitMs();
      if (wait > 0) {
        reply.header('retry-after', String(Math.ceil(wait / 1000)));
        return reply.code(429).send({ error: { name: 'TooManyAttempts', message: `Too many wrong passwords or PINs in a row: wait ${Math.ceil(wait / 1000)} seconds and try again.` } });
      }
      try {
        const result = await fn((request.body ?? {}) as Body);
        limiter.succeeded();
        return reply.send(result);
      } catch (err) {
        if (err instanceof BaseError && SECRET_ERRORS.has(err.name)) limiter.failed();
        return sendError(reply, err);
      }
    });

  app.get('/api/networks', async () => {
    const { networksAvailable } = await import('../../wallet/network.js');
    return networksAvailable();
  });

  app.get('/api/accounts', async (request) => {
    const { accountList } = await import('../../wallet/accounts.js');
    const network = (request.query as Record<string, string | undefined>)['network'];
    return accountList(vault, network ? { network } : {});
  });
  secret('/api/accounts/create', async (b) => {
    const { accountCreate } = await import('../../wallet/create.js');
    const words = b['words'] === 24 || b['words'] === '24' ? 24 : 12;
    const r = await accountCreate(vault, { name: str(b, 'name'), password: str(b, 'password'), type: keyType(b), network: str(b, 'network', true) ?? 'substrate', words, ...(str(b, 'path', true) ? { path: str(b, 'path') } : {}) });
    return { account: r.account, mnemonic: r.mnemonic, backup: { filename: `${r.account.address}.json`, json: r.json } };
  });
  secret('/api/accounts/add', async (b) => {
    const { accountAdd } = await import('../../wallet/create.js');
    const r = await accountAdd(vault, { name: str(b, 'name'), suri: str(b, 'suri'), password: str(b, 'password'), type: keyType(b), network: str(b, 'network', true) ?? 'substrate' });
    return { account: r.account, backup: { filename: `${r.account.address}.json`, json: r.json } };
  });
  plain('/api/accounts/rename', async (b) => {
    const { accountRenameByQuery } = await import('../../wallet/accounts.js');
    return accountRenameByQuery(vault, str(b, 'address'), str(b, 'name'));
  });
  plain('/api/accounts/remove', async (b) => {
    const { accountRemoveByQuery } = await import('../../wallet/accounts.js');
    return accountRemoveByQuery(vault, str(b, 'address'));
  });
  secret('/api/accounts/export', async (b) => {
    const { accountExport } = await import('../../wallet/export.js');
    const pin = str(b, 'pin', true);
    const unlock = pin === undefined ? { password: str(b, 'password') } : { pin, newPassword: str(b, 'newPassword') };
    const format = str(b, 'format', true) === 'ethereum-keystore' ? 'ethereum-keystore' : 'polkadot-js';
    const r = await accountExport(vault, str(b, 'address'), unlock, { kdf: str(b, 'kdf', true) === 'compat' ? 'compat' : 'default', format });
    return { filename: `${r.address}.json`, json: r.json };
  });
  secret('/api/accounts/export-all', async (b) => {
    const { accountExportAll } = await import('../../wallet/export.js');
    const format = str(b, 'format', true) === 'apps' ? 'apps' : 'polkadot-js-batch';
    const password = format === 'apps' ? (str(b, 'password', true) ?? '') : str(b, 'password');
    const r = await accountExportAll(vault, password, { format, ...(format === 'apps' && password !== '' ? { rekey: true, passwordFor: async () => password } : {}) });
    return { filename: `batch_exported_account_${Date.now()}.json`, json: r.json, count: r.count };
  });

  secret('/api/restore', async (b) => {
    const { restoreFiles, restoreVerdict } = await import('../../wallet/restore.js');
    const report = await restoreFiles(vault, files(b), str(b, 'password'), { onDuplicate: b['onDuplicate'] === 'replace' ? 'replace' : 'skip' });
    // A restore that opened nothing because of the password counts as a wrong password (and for the limiter).
    if (restoreVerdict(report) === 'wrong-password') {
      const { WrongPasswordError } = await import('../../errors/password.js');
      throw new WrongPasswordError({ subject: report.failed[0]!.file });
    }
    return report;
  });
  plain('/api/inspect', async (b) => {
    const { inspectFile } = await import('../../wallet/inspect.js');
    const [f] = files(b);
    return inspectFile(f!.text, { file: f!.file });
  });
  secret('/api/verify', async (b) => {
    const { verifyFile } = await import('../../wallet/verify.js');
    const [f] = files(b);
    return verifyFile(f!.text, str(b, 'password'), { file: f!.file });
  });

  app.get('/api/identities', async () => {
    const { identityList } = await import('../../wallet/identity.js');
    return identityList(vault);
  });
  plain('/api/identities/generate', async (b) => {
    // A new phrase for the "create identity" flow: shown once, saved only after the user re-enters words.
    const { phraseGenerate } = await import('../../wallet/phrase.js');
    return phraseGenerate(b['words'] === 12 || b['words'] === '12' ? 12 : 24);
  });
  secret('/api/identities/recover', async (b) => {
    const { identityRecover } = await import('../../wallet/identity.js');
    return identityRecover(vault, { name: str(b, 'name'), mnemonic: str(b, 'mnemonic'), pin: str(b, 'pin') });
  });
  secret('/api/identities/show-phrase', async (b) => {
    const { identityShowPhrase } = await import('../../wallet/identity.js');
    return identityShowPhrase(vault, str(b, 'identity'), str(b, 'pin'));
  });
  secret('/api/identities/derive', async (b) => {
    const { identityDerive } = await import('../../wallet/identity.js');
    const path = typeof b['path'] === 'string' ? b['path'] : undefined;
    return identityDerive(vault, str(b, 'identity'), {
      pin: str(b, 'pin'),
      type: keyType(b),
      ...(str(b, 'network', true) ? { network: str(b, 'network') } : {}),
      ...(path !== undefined ? { path } : {}),
      ...(str(b, 'name', true) ? { name: str(b, 'name') } : {}),
    });
  });
  secret('/api/identities/find', async (b) => {
    const { identityFind } = await import('../../wallet/identity.js');
    return identityFind(vault, str(b, 'identity'), str(b, 'address'), str(b, 'pin'));
  });

  app.get('/api/addresses', async () => {
    const { addressList } = await import('../../wallet/addressBook.js');
    return addressList(vault);
  });
  plain('/api/addresses/add', async (b) => {
    const { addressAdd } = await import('../../wallet/addressBook.js');
    return addressAdd(vault, { address: str(b, 'address'), name: str(b, 'name'), ...(str(b, 'note', true) ? { note: str(b, 'note') } : {}), ...(str(b, 'network', true) ? { network: str(b, 'network') } : {}) });
  });
  plain('/api/addresses/remove', async (b) => {
    const { addressRemove } = await import('../../wallet/addressBook.js');
    return addressRemove(vault, str(b, 'address'));
  });

  secret('/api/backup/export', async (b) => {
    const { backupExport } = await import('../../wallet/backup.js');
    const format = str(b, 'format', true) === 'concordium-desktop' ? 'concordium-desktop' : 'keepsake';
    const r = await backupExport(vault, str(b, 'password'), { format });
    return { filename: format === 'keepsake' ? `keepsake-backup-${new Date().toISOString().slice(0, 10)}.json` : 'wallet-export.json', json: r.json, counts: r.counts };
  });
  secret('/api/backup/import', async (b) => {
    const { backupImport } = await import('../../wallet/backup.js');
    const [f] = files(b);
    return backupImport(vault, f!.text, str(b, 'password'), { file: f!.file });
  });
}
