import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { BaseError } from '../../errors/base.js';
import { UsageError } from '../../errors/usage.js';
import { isKeyType, type KeyType } from '../../keys/types.js';
import type { Vault } from '../../vault/open.js';
import { sendError, SECRET_ERRORS } from '../errors.js';
import type { FailureLimiter, LimiterVerdict } from '../limiter.js';

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
    // An empty file is still a file: the reader says it is empty (item 14), not that a field is missing.
    return { file: str(o, 'name'), text: o['text'] === '' ? '' : str(o, 'text') };
  });
}

/** SHA-256 of an upload: the same file under any name is the same target for the limiter. */
function fileTargets(body: Body): string[] {
  return files(body).map((f) => `file:${createHash('sha256').update(f.text).digest('hex')}`);
}

/**
 * Whether a report the route returns as a success still says the password opened less than it was
 * tried on: an entry refused for its password (a batch or list entry, a file among several), or a
 * batch entry restored unchecked because the password did not open it. Each is a failed guess,
 * or such reports would be a way to guess without ever counting.
 */
function secretFailedIn(result: unknown): boolean {
  if (typeof result !== 'object' || result === null) return false;
  const r = result as { failed?: unknown; accounts?: unknown; restored?: unknown };
  const items = (v: unknown): { error?: { name?: unknown } | null; verified?: unknown }[] => (Array.isArray(v) ? (v as []) : []);
  const refused = [...items(r.failed), ...items(r.accounts)].some((e) => typeof e?.error?.name === 'string' && SECRET_ERRORS.has(e.error.name));
  return refused || items(r.restored).some((e) => e?.verified === false);
}

/**
 * The JSON API (registered under `/api`, behind the token): each route parses its body, calls one
 * `src/wallet/` function and returns its result. Routes that take a password or PIN go through the
 * failure limiter, keyed by what the secret is tried against (see {@link FailureLimiter}).
 */
export function apiRoutes(app: FastifyInstance, ctx: Ctx): void {
  const { vault, limiter } = ctx;
  const plain = (path: string, fn: (body: Body) => Promise<unknown> | unknown) =>
    app.post(path, async (request, reply) => reply.send(await fn((request.body ?? {}) as Body)));
  /** `targets` names what the secret is tried against; it runs before the ticket and may refuse the request itself. */
  const secret = (path: string, targets: (body: Body) => string[] | Promise<string[]>, fn: (body: Body) => Promise<unknown>) =>
    app.post(path, async (request, reply): Promise<FastifyReply> => {
      const body = (request.body ?? {}) as Body;
      let taken: LimiterVerdict;
      try {
        taken = limiter.take(await targets(body));
      } catch (err) {
        return sendError(reply, err);
      }
      if (!taken.ok) {
        const seconds = Math.ceil(taken.waitMs / 1000);
        reply.header('retry-after', String(seconds));
        const message =
          taken.reason === 'busy'
            ? 'Too many password or PIN tries at once: wait a moment and try again.'
            : `Too many wrong passwords or PINs in a row: wait ${seconds} seconds and try again.`;
        return reply.code(429).send({ error: { name: 'TooManyAttempts', message } });
      }
      const { ticket } = taken;
      try {
        const result = await fn(body);
        if (secretFailedIn(result)) ticket.failed();
        else ticket.succeeded();
        return reply.send(result);
      } catch (err) {
        if (err instanceof BaseError && SECRET_ERRORS.has(err.name)) ticket.failed();
        return sendError(reply, err);
      } finally {
        ticket.released();
      }
    });
  // A PIN is tried against its identity (however the identity or account is named); a password against its account.
  const identityTarget = async (query: string) => {
    const { identityFindRow } = await import('../../wallet/identity.js');
    return [`identity:${identityFindRow(vault, query).id}`];
  };
  const exportTarget = async (b: Body) => {
    const { accountFind } = await import('../../wallet/accounts.js');
    const row = accountFind(vault, str(b, 'address'));
    return [row.identityId !== null && str(b, 'pin', true) !== undefined ? `identity:${row.identityId}` : `account:${row.id}`];
  };

  app.get('/networks', async () => {
    const { networksAvailable } = await import('../../wallet/network.js');
    return networksAvailable();
  });

  app.get('/accounts', async (request) => {
    const { accountList } = await import('../../wallet/accounts.js');
    const network = (request.query as Record<string, string | undefined>)['network'];
    return accountList(vault, network ? { network } : {});
  });
  secret('/accounts/create', () => ['accounts/create'], async (b) => {
    const { accountCreate } = await import('../../wallet/create.js');
    const words = b['words'] === 24 || b['words'] === '24' ? 24 : 12;
    const r = await accountCreate(vault, { name: str(b, 'name'), password: str(b, 'password'), type: keyType(b), network: str(b, 'network', true) ?? 'substrate', words, ...(str(b, 'path', true) ? { path: str(b, 'path') } : {}) });
    return { account: r.account, mnemonic: r.mnemonic, backup: { filename: `${r.account.address}.json`, json: r.json } };
  });
  secret('/accounts/add', () => ['accounts/add'], async (b) => {
    const { accountAdd } = await import('../../wallet/create.js');
    const r = await accountAdd(vault, { name: str(b, 'name'), suri: str(b, 'suri'), password: str(b, 'password'), type: keyType(b), network: str(b, 'network', true) ?? 'substrate' });
    return { account: r.account, backup: { filename: `${r.account.address}.json`, json: r.json } };
  });
  plain('/accounts/rename', async (b) => {
    const { accountRenameByQuery } = await import('../../wallet/accounts.js');
    return accountRenameByQuery(vault, str(b, 'address'), str(b, 'name'));
  });
  plain('/accounts/remove', async (b) => {
    const { accountRemoveByQuery } = await import('../../wallet/accounts.js');
    return accountRemoveByQuery(vault, str(b, 'address'));
  });
  secret('/accounts/export', exportTarget, async (b) => {
    const { accountExport } = await import('../../wallet/export.js');
    const pin = str(b, 'pin', true);
    const unlock = pin === undefined ? { password: str(b, 'password') } : { pin, newPassword: str(b, 'newPassword') };
    const format = str(b, 'format', true) === 'ethereum-keystore' ? 'ethereum-keystore' : 'polkadot-js';
    const r = await accountExport(vault, str(b, 'address'), unlock, { kdf: str(b, 'kdf', true) === 'compat' ? 'compat' : 'default', format });
    return { filename: `${r.address}.json`, json: r.json };
  });
  secret('/accounts/export-all', () => ['accounts/export-all'], async (b) => {
    const { accountExportAll } = await import('../../wallet/export.js');
    const format = str(b, 'format', true) === 'apps' ? 'apps' : 'polkadot-js-batch';
    const password = format === 'apps' ? (str(b, 'password', true) ?? '') : str(b, 'password');
    const r = await accountExportAll(vault, password, { format, ...(format === 'apps' && password !== '' ? { rekey: true, passwordFor: async () => password } : {}) });
    return { filename: `batch_exported_account_${Date.now()}.json`, json: r.json, count: r.count };
  });

  secret('/restore', fileTargets, async (b) => {
    const { restoreFiles, restoreVerdict } = await import('../../wallet/restore.js');
    const report = await restoreFiles(vault, files(b), str(b, 'password'), { onDuplicate: b['onDuplicate'] === 'replace' ? 'replace' : 'skip' });
    // A restore that opened nothing because of the password counts as a wrong password (and for the limiter).
    if (restoreVerdict(report) === 'wrong-password') {
      const { WrongPasswordError } = await import('../../errors/password.js');
      throw new WrongPasswordError({ subject: report.failed[0]!.file });
    }
    return report;
  });
  plain('/inspect', async (b) => {
    const { inspectFile } = await import('../../wallet/inspect.js');
    const [f] = files(b);
    return inspectFile(f!.text, { file: f!.file });
  });
  secret('/verify', fileTargets, async (b) => {
    const { verifyFile } = await import('../../wallet/verify.js');
    const [f] = files(b);
    return verifyFile(f!.text, str(b, 'password'), { file: f!.file });
  });

  app.get('/identities', async () => {
    const { identityList } = await import('../../wallet/identity.js');
    return identityList(vault);
  });
  plain('/identities/generate', async (b) => {
    // A new phrase for the "create identity" flow: shown once, saved only after the user re-enters words.
    const { phraseGenerate } = await import('../../wallet/phrase.js');
    return phraseGenerate(b['words'] === 12 || b['words'] === '12' ? 12 : 24);
  });
  secret('/identities/recover', () => ['identities/recover'], async (b) => {
    const { identityRecover } = await import('../../wallet/identity.js');
    return identityRecover(vault, { name: str(b, 'name'), mnemonic: str(b, 'mnemonic'), pin: str(b, 'pin') });
  });
  secret('/identities/show-phrase', (b) => identityTarget(str(b, 'identity')), async (b) => {
    const { identityShowPhrase } = await import('../../wallet/identity.js');
    return identityShowPhrase(vault, str(b, 'identity'), str(b, 'pin'));
  });
  secret('/identities/derive', (b) => identityTarget(str(b, 'identity')), async (b) => {
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
  secret('/identities/find', (b) => identityTarget(str(b, 'identity')), async (b) => {
    const { identityFind } = await import('../../wallet/identity.js');
    return identityFind(vault, str(b, 'identity'), str(b, 'address'), str(b, 'pin'));
  });

  app.get('/addresses', async () => {
    const { addressList } = await import('../../wallet/addressBook.js');
    return addressList(vault);
  });
  plain('/addresses/add', async (b) => {
    const { addressAdd } = await import('../../wallet/addressBook.js');
    return addressAdd(vault, { address: str(b, 'address'), name: str(b, 'name'), ...(str(b, 'note', true) ? { note: str(b, 'note') } : {}), ...(str(b, 'network', true) ? { network: str(b, 'network') } : {}) });
  });
  plain('/addresses/remove', async (b) => {
    const { addressRemove } = await import('../../wallet/addressBook.js');
    return addressRemove(vault, str(b, 'address'));
  });

  secret('/backup/export', () => ['backup/export'], async (b) => {
    const { backupExport } = await import('../../wallet/backup.js');
    const format = str(b, 'format', true) === 'concordium-desktop' ? 'concordium-desktop' : 'keepsake';
    const r = await backupExport(vault, str(b, 'password'), { format });
    return { filename: format === 'keepsake' ? `keepsake-backup-${new Date().toISOString().slice(0, 10)}.json` : 'wallet-export.json', json: r.json, counts: r.counts };
  });
  secret('/backup/import', fileTargets, async (b) => {
    const { backupImport } = await import('../../wallet/backup.js');
    const [f] = files(b);
    return backupImport(vault, f!.text, str(b, 'password'), { file: f!.file });
  });
}
