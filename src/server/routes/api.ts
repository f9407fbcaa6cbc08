import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { BaseError, reportKind, type ErrorField } from '../../errors/base.js';
import type { ErrorReport } from '../../errors/next.js';
import { UsageError } from '../../errors/usage.js';
import { isKeyType, type KeyType } from '../../keys/types.js';
import {
  ACCOUNT_FORMAT_CHOICES,
  BACKUP_FORMAT_CHOICES,
  choiceOf,
  EXPORT_ALL_FORMAT_CHOICES,
  KDF_CHOICES,
  RESTORE_DUPLICATE_CHOICES,
  WORDS_CHOICES,
} from '../../wallet/choices.js';
import { failedGuess, sendError, tooManyAttempts, tooManyRequests } from '../errors.js';
import type { FailureLimiter, LimiterVerdict } from '../limiter.js';
import { RateCap } from '../rateCap.js';
import type { VaultSession } from '../vaultSession.js';
import type { BackupCover } from '../../vault/backupRecords.js';

type Ctx = { session: VaultSession; limiter: FailureLimiter };
type Body = Record<string, unknown>;

/** The form input each body field is typed in: an error about the field is shown next to it. */
const INPUT_OF: Partial<Record<string, ErrorField>> = {
  password: 'password',
  newPassword: 'newPassword',
  pin: 'pin',
  name: 'name',
  address: 'address',
  suri: 'phrase',
  mnemonic: 'phrase',
  path: 'path',
};

/** Reads one field of a JSON body, naming it when it is missing or of the wrong type. */
function str(body: Body, name: string, optional?: false): string;
function str(body: Body, name: string, optional: true): string | undefined;
function str(body: Body, name: string, optional = false): string | undefined {
  const v = body[name];
  if (v === undefined || v === null || v === '') {
    if (optional) return undefined;
    throw new UsageError({ reason: `The field "${name}" is missing.`, hint: 'Fill it in and try again.', field: INPUT_OF[name] });
  }
  if (typeof v !== 'string') throw new UsageError({ reason: `The field "${name}" must be text.`, field: INPUT_OF[name] });
  return v;
}

function keyType(body: Body): KeyType {
  const t = str(body, 'type', true) ?? 'sr25519';
  if (!isKeyType(t)) throw new UsageError({ reason: `Unknown key type "${t.slice(0, 20)}".` });
  return t;
}

function files(body: Body): { file: string; text: string }[] {
  const list = body['files'];
  if (!Array.isArray(list) || list.length === 0) throw new UsageError({ reason: 'No file was given.', hint: 'Pick or drop a backup file.', field: 'file' });
  return list.map((f, i) => {
    if (typeof f !== 'object' || f === null) throw new UsageError({ reason: `File ${i + 1} is not a file.`, field: 'file' });
    const o = f as Body;
    // An empty file is still a file: the reader says it is empty (item 14), not that a field is missing.
    return { file: str(o, 'name'), text: o['text'] === '' ? '' : str(o, 'text') };
  });
}

/**
 * The shards of a combine: each its text, or `{ text, label }` with the name messages give it (the
 * image file it was read from). Their number and size are checked by the set check before any work.
 */
function shardsOf(body: Body): { text: string; label: string }[] {
  const list = body['shards'];
  if (!Array.isArray(list) || list.length === 0) throw new UsageError({ reason: 'No shard was given.', hint: 'Add the shards of the set.', field: 'file' });
  return list.map((s: unknown, i) => {
    const label = `Shard ${i + 1} given`;
    if (typeof s === 'string') return { text: s, label };
    if (typeof s !== 'object' || s === null) throw new UsageError({ reason: `Shard ${i + 1} is not text.`, field: 'file' });
    const o = s as Body;
    return { text: str(o, 'text'), label: str(o, 'label', true)?.slice(0, 120) ?? label };
  });
}

/** What a derive (or its preview) asks for: the PIN, key type, and the network, path and name when given. */
function deriveOptions(b: Body): { pin: string; type: KeyType; network?: string; path?: string; name?: string } {
  const path = typeof b['path'] === 'string' ? b['path'] : undefined;
  return {
    pin: str(b, 'pin'),
    type: keyType(b),
    ...(str(b, 'network', true) ? { network: str(b, 'network') } : {}),
    ...(path !== undefined ? { path } : {}),
    ...(str(b, 'name', true) ? { name: str(b, 'name') } : {}),
  };
}

/** The body's `onDuplicate` (one of `allowed`), or `refuse` when absent. */
function onDuplicateOf(body: Body, allowed: readonly ('update' | 'relock')[]): 'refuse' | 'update' | 'relock' {
  const v = str(body, 'onDuplicate', true);
  if (v === undefined || v === 'refuse') return 'refuse';
  if ((allowed as readonly string[]).includes(v)) return v as 'update' | 'relock';
  throw new UsageError({ reason: `Unknown choice "${v.slice(0, 20)}" for an account already in the vault.` });
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
  const items = (v: unknown): { error?: ErrorReport | null; verified?: unknown }[] => (Array.isArray(v) ? (v as []) : []);
  const refused = [...items(r.failed), ...items(r.accounts)].some((e) => typeof e?.error === 'object' && e.error !== null && failedGuess(reportKind(e.error)));
  return refused || items(r.restored).some((e) => e?.verified === false);
}

/**
 * The JSON API (registered under `/api`, behind the token): each route parses its body, calls one
 * `src/wallet/` function and returns its result. Routes that take a password or PIN go through the
 * failure limiter, keyed by what the secret is tried against (see {@link FailureLimiter}).
 */
export function apiRoutes(app: FastifyInstance, ctx: Ctx): void {
  const { session, limiter } = ctx;
  /** The open vault; a locked session refuses every route that needs it (VaultSessionLockedError). */
  const vault = () => session.vault();
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
        return reply.code(429).send(tooManyAttempts(message));
      }
      const { ticket } = taken;
      try {
        const result = await fn(body);
        if (secretFailedIn(result)) ticket.failed();
        else ticket.succeeded();
        return reply.send(result);
      } catch (err) {
        if (err instanceof BaseError && failedGuess(err.kind)) ticket.failed();
        return sendError(reply, err);
      } finally {
        ticket.released();
      }
    });
  // A PIN is tried against its identity (however the identity or account is named); a password against its account.
  const identityTarget = async (query: string) => {
    const { identityResolve } = await import('../../wallet/identity/common.js');
    return [`identity:${identityResolve(vault(), query).id}`];
  };
  /**
   * A backup file the page is about to download, recorded for backup health (issue 16): the server
   * never learns where the browser saves it, so only its file name is kept (path null).
   */
  const downloadRecorded = async <T extends { filename: string; json: string }>(download: T, format: string, covers: readonly BackupCover[]): Promise<T> => {
    const { backupRecordWritten } = await import('../../wallet/backupHealth.js');
    backupRecordWritten(vault(), { path: null, name: download.filename, text: download.json, format, covers });
    return download;
  };
  const exportTarget = async (b: Body) => {
    const { accountFind } = await import('../../wallet/accounts.js');
    const row = accountFind(vault(), str(b, 'address'));
    return [row.identityId !== null && str(b, 'pin', true) !== undefined ? `identity:${row.identityId}` : `account:${row.id}`];
  };

  // The vault itself (issue 14): whether it has a vault password and is open, unlocking it, "Lock
  // now", and the offer of a vault password to a plain vault. These work while it is locked.
  const vaultView = async () => {
    const { vaultPasswordOffered } = await import('../../wallet/vaultPassword.js');
    const state = session.state;
    return { ...state, offerPassword: !state.encrypted && !state.locked && vaultPasswordOffered(vault()) };
  };
  app.get('/vault', vaultView);
  secret(
    '/vault/unlock',
    () => ['vault'],
    async (b) => {
      session.unlock(str(b, 'password'));
      return vaultView();
    },
  );
  plain('/vault/lock', () => {
    session.lock();
    return vaultView();
  });
  plain('/vault/password', async (b) => {
    const { vaultPasswordSet, vaultPasswordSetCheck } = await import('../../wallet/vaultPassword.js');
    const password = str(b, 'password');
    // Refused before the session lets go of the vault: it has a password already, or this one is too short.
    vaultPasswordSetCheck(session.file, password);
    session.reopenAfter(() => vaultPasswordSet(session.file, password), { before: '', after: password });
    return vaultView();
  });
  // Changing or removing it tries the current password: through the limiter, as an unlock does.
  secret(
    '/vault/change-password',
    () => ['vault'],
    async (b) => {
      const { vaultPasswordChange, vaultPasswordChangeCheck } = await import('../../wallet/vaultPassword.js');
      const [current, next] = [str(b, 'password'), str(b, 'newPassword')];
      vaultPasswordChangeCheck(session.file, current, next);
      session.reopenAfter(() => vaultPasswordChange(session.file, current, next), { before: current, after: next });
      return vaultView();
    },
  );
  secret(
    '/vault/remove-password',
    () => ['vault'],
    async (b) => {
      const { vaultPasswordRemove, vaultPasswordChangeCheck } = await import('../../wallet/vaultPassword.js');
      const current = str(b, 'password');
      vaultPasswordChangeCheck(session.file, current);
      session.reopenAfter(() => vaultPasswordRemove(session.file, current), { before: current, after: '' });
      return vaultView();
    },
  );
  plain('/vault/offer-declined', async () => {
    const { vaultPasswordOfferDecline } = await import('../../wallet/vaultPassword.js');
    vaultPasswordOfferDecline(vault());
    return vaultView();
  });

  app.get('/networks', async () => {
    const { networksAvailable } = await import('../../wallet/network.js');
    return networksAvailable();
  });

  app.get('/accounts', async (request) => {
    const { accountList } = await import('../../wallet/accounts.js');
    const network = (request.query as Record<string, string | undefined>)['network'];
    return accountList(vault(), network ? { network } : {});
  });
  secret(
    '/accounts/add',
    () => ['accounts/add'],
    async (b) => {
      const { accountAdd } = await import('../../wallet/create.js');
      const password = str(b, 'password', true);
      const path = typeof b['path'] === 'string' ? { path: b['path'] } : {};
      // A Polkadot Vault "Export private key" text in place of a phrase: its key and network (wallet/vaultText.ts).
      const key = await vaultKeyOf(b);
      const r = await accountAdd(vault(), {
        name: str(b, 'name'),
        ...(key ?? { suri: str(b, 'suri'), network: str(b, 'network', true) ?? 'substrate' }),
        ...(password === undefined ? {} : { password }),
        type: keyType(b),
        ...path,
        onDuplicate: onDuplicateOf(b, ['update', 'relock']),
      });
      // The page downloads this file ("Create and backup account"): a backup, recorded as the CLI's --backup is.
      const backup =
        r.json === null
          ? null
          : await downloadRecorded({ filename: `${r.account.address}.json`, json: r.json }, 'polkadot-js', [{ kind: 'account', item: r.account.publicKey }]);
      return {
        account: r.account,
        backup,
        status: r.status,
        previous: r.previous,
      };
    },
  );
  plain('/accounts/rename', async (b) => {
    const { accountRenameByQuery } = await import('../../wallet/accounts.js');
    return accountRenameByQuery(vault(), str(b, 'address'), str(b, 'name'));
  });
  plain('/accounts/network', async (b) => {
    const { accountNetworkSet } = await import('../../wallet/accounts.js');
    return accountNetworkSet(vault(), str(b, 'address'), str(b, 'network'));
  });
  // Issue 17: an address, or a Polkadot Vault address text, as a watch-only account (no key, no secret taken:
  // a key text pasted by mistake is refused without being repeated).
  plain('/accounts/watch', async (b) => {
    const { accountWatch } = await import('../../wallet/watch.js');
    return accountWatch(vault(), {
      address: str(b, 'address'),
      name: str(b, 'name'),
      ...(str(b, 'network', true) ? { network: str(b, 'network') } : {}),
    });
  });
  plain('/accounts/remove', async (b) => {
    const { accountRemoveByQuery } = await import('../../wallet/accounts.js');
    return accountRemoveByQuery(vault(), str(b, 'address'));
  });
  secret('/accounts/export', exportTarget, async (b) => {
    const { accountExport } = await import('../../wallet/export.js');
    const pin = str(b, 'pin', true);
    const unlock = pin === undefined ? { password: str(b, 'password') } : { pin, newPassword: str(b, 'newPassword') };
    const format = choiceOf(b, 'format', ACCOUNT_FORMAT_CHOICES, 'polkadot-js');
    const r = await accountExport(vault(), str(b, 'address'), unlock, { kdf: choiceOf(b, 'kdf', KDF_CHOICES, 'default'), format });
    return downloadRecorded({ filename: `${r.address}.json`, json: r.json }, format, r.covers);
  });
  // Issue 12 #4 (nothing silently left out of "Export all"): what the file will hold, the PIN of each
  // identity whose accounts go in it (tried against that identity only), and every account left out.
  /** `pins`: [{identity: id, pin}] — a PIN only for the identity it names. */
  const exportAllPins = (b: Body): Map<number, string> => {
    const list = b['pins'] ?? [];
    if (!Array.isArray(list)) throw new UsageError({ reason: 'The field "pins" must be a list.' });
    const pins = new Map<number, string>();
    for (const entry of list) {
      const o = (typeof entry === 'object' && entry !== null ? entry : {}) as Body;
      if (typeof o['identity'] !== 'number' || !Number.isSafeInteger(o['identity']))
        throw new UsageError({ reason: 'Each PIN must name its identity.', field: 'pin' });
      const pin = str(o, 'pin', true);
      if (pin !== undefined) pins.set(o['identity'], pin);
    }
    return pins;
  };
  app.get('/accounts/export-all/plan', async () => {
    // The page's "Export all" writes the extension's batch (a password locks it and the identity accounts in it).
    const { accountExportAllPlan } = await import('../../wallet/export.js');
    return accountExportAllPlan(vault());
  });
  secret(
    '/accounts/export-all',
    (b) => ['accounts/export-all', ...[...exportAllPins(b).keys()].map((id) => `identity:${id}`)],
    async (b) => {
      const { accountExportAll } = await import('../../wallet/export.js');
      const format = choiceOf(b, 'format', EXPORT_ALL_FORMAT_CHOICES, 'polkadot-js-batch');
      const password = format === 'apps' ? (str(b, 'password', true) ?? '') : str(b, 'password');
      const pins = exportAllPins(b);
      const r = await accountExportAll(vault(), password, {
        format,
        pinFor: async (i) => pins.get(i.id),
        ...(format === 'apps' && password !== '' ? { rekey: true } : {}),
      });
      const download = {
        filename: `batch_exported_account_${Date.now()}.json`,
        json: r.json,
        count: r.count,
        fromIdentities: r.fromIdentities,
        leftOut: r.leftOut,
      };
      return downloadRecorded(download, format, r.covers);
    },
  );

  secret('/restore', fileTargets, async (b) => {
    const { restoreFiles, restoreVerdict } = await import('../../wallet/restore.js');
    const onDuplicate = choiceOf(b, 'onDuplicate', RESTORE_DUPLICATE_CHOICES, 'skip');
    // "As the file says" sends none; an unknown name is refused before any file is opened.
    const network = str(b, 'network', true);
    const report = await restoreFiles(vault(), files(b), str(b, 'password'), { onDuplicate, ...(network === undefined ? {} : { network }) });
    // A restore that opened nothing because of the password counts as a wrong password (and for the limiter).
    if (restoreVerdict(report) === 'wrong-password') {
      const { WrongPasswordError } = await import('../../errors/password.js');
      throw new WrongPasswordError({ subject: report.failed[0]!.file });
    }
    return report;
  });
  // Issue 15: accounts straight from wallets' own storage on this disk. `dirs` (optional) are folders
  // typed by the user (a copied profile); without them, this machine's browsers are searched.
  const rescueDirs = (b: Body): { dirs?: string[] } => {
    const dirs = b['dirs'];
    if (dirs === undefined) return {};
    if (!Array.isArray(dirs) || !dirs.every((d) => typeof d === 'string' && d.trim() !== ''))
      throw new UsageError({ reason: 'The folders to search must be a list of folder paths.', field: 'path' });
    return dirs.length === 0 ? {} : { dirs: dirs.map((d: string) => d.trim()) };
  };
  plain('/rescue/scan', async (b) => {
    const { rescueScan } = await import('../../wallet/rescue/scan.js');
    return rescueScan(rescueDirs(b));
  });
  secret(
    '/rescue/restore',
    () => ['rescue'],
    async (b) => {
      const { rescueRestore } = await import('../../wallet/rescue/restore.js');
      const { restoreVerdict } = await import('../../wallet/restore.js');
      const addresses = b['addresses'];
      if (addresses !== undefined && (!Array.isArray(addresses) || !addresses.every((a) => typeof a === 'string')))
        throw new UsageError({ reason: 'The accounts to restore must be a list of addresses.' });
      const report = await rescueRestore(vault(), str(b, 'password', true) ?? '', {
        ...rescueDirs(b),
        addresses: (addresses as string[] | undefined) ?? [],
        onDuplicate: choiceOf(b, 'onDuplicate', RESTORE_DUPLICATE_CHOICES, 'skip'),
        ...(str(b, 'network', true) === undefined ? {} : { network: str(b, 'network') }),
      });
      if (restoreVerdict(report) === 'wrong-password') {
        const { WrongPasswordError } = await import('../../errors/password.js');
        throw new WrongPasswordError({ subject: report.failed[0]!.file });
      }
      return report;
    },
  );
  secret(
    '/rescue/concordium',
    (b) => [`concordium-db:${str(b, 'file')}`],
    async (b) => {
      const { rescueConcordiumImport } = await import('../../wallet/rescue/concordium.js');
      return rescueConcordiumImport(vault(), str(b, 'file'), str(b, 'password'));
    },
  );

  plain('/inspect', async (b) => {
    const { inspectFile } = await import('../../wallet/inspect.js');
    const [f] = files(b);
    return inspectFile(f!.text, { file: f!.file });
  });
  secret('/verify', fileTargets, async (b) => {
    const [{ verifyFile }, { backupRecordVerified }] = await Promise.all([import('../../wallet/verify.js'), import('../../wallet/backupHealth.js')]);
    const [f] = files(b);
    // A whole-wallet backup is compared with this vault (read only): what an import would do with each item.
    const { covers, ...report } = await verifyFile(f!.text, str(b, 'password'), { file: f!.file, vault: vault() });
    // Backup health (issue 16): a file that would restore was opened and checked. The server never
    // knows where the browser's file is (path null); a file it already knows by its SHA-256 keeps its path.
    if (report.restorable) backupRecordVerified(vault(), { path: null, name: f!.file, text: f!.text, format: report.format, covers });
    return report;
  });

  // Backup health (issue 16): the state of every account and identity, and the backup files keepsake knows.
  app.get('/backups', async () => {
    const { backupOverview } = await import('../../wallet/backupFiles.js');
    return backupOverview(vault());
  });
  /** The record "Verify again" names, by its number. */
  const recordId = (b: Body): number => {
    const id = b['id'];
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) throw new UsageError({ reason: 'Say which backup file to verify again.' });
    return id;
  };
  // The password is tried against the recorded file: the same target as an upload of that file.
  secret(
    '/backups/verify-again',
    async (b) => {
      const { backupRecordFind } = await import('../../wallet/backupVerifyAgain.js');
      return [`file:${backupRecordFind(vault(), recordId(b)).sha256}`];
    },
    async (b) => {
      const { backupVerifyAgain } = await import('../../wallet/backupVerifyAgain.js');
      return backupVerifyAgain(vault(), recordId(b), str(b, 'password'));
    },
  );

  // Issue 12 item 3: an account restored unchecked (a batch entry under its own password) opened with
  // that password, its key checked against its address, and recorded as checked.
  secret('/accounts/verify', exportTarget, async (b) => {
    const { accountVerify } = await import('../../wallet/accountVerify.js');
    return accountVerify(vault(), str(b, 'address'), str(b, 'password'));
  });

  app.get('/identities', async () => {
    const { identityList } = await import('../../wallet/identity/list.js');
    return identityList(vault());
  });
  plain('/identities/generate', async (b) => {
    // A new phrase for the "create identity" flow: shown once, saved only after the user re-enters words.
    const { phraseGenerate } = await import('../../wallet/phrase.js');
    return phraseGenerate(choiceOf(b, 'words', WORDS_CHOICES, '24') === '12' ? 12 : 24);
  });
  secret(
    '/identities/recover',
    () => ['identities/recover'],
    async (b) => {
      const { identityRecover } = await import('../../wallet/identity/create.js');
      return identityRecover(vault(), { name: str(b, 'name'), mnemonic: str(b, 'mnemonic'), pin: str(b, 'pin') });
    },
  );
  secret(
    '/identities/show-phrase',
    (b) => identityTarget(str(b, 'identity')),
    async (b) => {
      const { identityShowPhrase } = await import('../../wallet/identity/showPhrase.js');
      return identityShowPhrase(vault(), str(b, 'identity'), str(b, 'pin'));
    },
  );
  // What a derive or a find refuses before the PIN (a path, a network, an address) is refused before a PIN try is taken, as the CLI does.
  const deriveTarget = async (b: Body) => {
    const { identityDeriveCheck } = await import('../../wallet/identity/checks.js');
    const { pin: _pin, ...options } = deriveOptions(b);
    identityDeriveCheck(vault(), str(b, 'identity'), options);
    return identityTarget(str(b, 'identity'));
  };
  const findTarget = async (b: Body) => {
    const { identityFindCheck } = await import('../../wallet/identity/checks.js');
    identityFindCheck(str(b, 'address'));
    return identityTarget(str(b, 'identity'));
  };
  secret('/identities/derive', deriveTarget, async (b) => {
    const { identityDerive } = await import('../../wallet/identity/derive.js');
    return identityDerive(vault(), str(b, 'identity'), { ...deriveOptions(b), onDuplicate: onDuplicateOf(b, ['update']) === 'update' ? 'update' : 'refuse' });
  });
  secret('/identities/find', findTarget, async (b) => {
    const { identityFind } = await import('../../wallet/identity/find.js');
    return identityFind(vault(), str(b, 'identity'), str(b, 'address'), str(b, 'pin'));
  });

  // Banana Split shards (issue 16): split an identity for printing, and recover one from shards.
  const splitOptions = (b: Body): { shares: number; title?: string } => {
    const shares = b['shares'];
    if (typeof shares !== 'number' || !Number.isInteger(shares)) throw new UsageError({ reason: 'The number of shards must be a whole number.' });
    const title = str(b, 'title', true);
    return { shares, ...(title === undefined ? {} : { title }) };
  };
  // The identity, the number of shards and the title are refused before a PIN try is taken, as the CLI does.
  const splitTarget = async (b: Body) => {
    const { identitySplitCheck } = await import('../../wallet/identity/split.js');
    identitySplitCheck(vault(), str(b, 'identity'), splitOptions(b));
    return identityTarget(str(b, 'identity'));
  };
  secret('/identities/split', splitTarget, async (b) => {
    const { identitySplit } = await import('../../wallet/identity/split.js');
    const { identityResolve } = await import('../../wallet/identity/common.js');
    const { identityShardsWritten } = await import('../../wallet/identity/shardRecords.js');
    const { qrPngEncode } = await import('../../formats/qr-image.js');
    const query = str(b, 'identity');
    const r = await identitySplit(vault(), query, str(b, 'pin'), splitOptions(b));
    const count = r.shards.length;
    const shards = await Promise.all(
      r.shards.map(async (text, i) => ({
        text,
        filename: `shard-${i + 1}-of-${count}.json`,
        qrPng: `data:image/png;base64,${Buffer.from(await qrPngEncode(text)).toString('base64')}`,
      })),
    );
    // Each shard a backup of the identity, by its file's name: the page prints or downloads it, the server never learns where.
    identityShardsWritten(
      vault(),
      identityResolve(vault(), query),
      shards.map((s) => ({ text: s.text, path: null, name: s.filename })),
    );
    return { title: r.title, required: r.required, count, passphrase: r.passphrase, shards };
  });
  plain('/identities/combine/check', async (b) => {
    const { identityCombineCheck } = await import('../../wallet/identity/combine.js');
    const shards = shardsOf(b);
    return { ...identityCombineCheck(shards, { name: str(b, 'name', true) }), count: shards.length };
  });
  // The passphrase is tried against the set (its nonce, shared by every shard of it), once the shards themselves pass.
  const combineTarget = async (b: Body) => {
    const { identityCombineCheck } = await import('../../wallet/identity/combine.js');
    const { bananaSplitSetCheck } = await import('../../formats/banana-split/combine.js');
    const shards = shardsOf(b);
    identityCombineCheck(shards, { name: str(b, 'name', true) });
    const nonce = bananaSplitSetCheck(shards).shards[0]!.nonceText;
    return [`shards:${createHash('sha256').update(nonce).digest('hex')}`];
  };
  secret('/identities/combine', combineTarget, async (b) => {
    const { identityCombine } = await import('../../wallet/identity/combine.js');
    return identityCombine(vault(), shardsOf(b), str(b, 'passphrase'), { pin: str(b, 'pin'), name: str(b, 'name', true) });
  });

  // Issue 12 items 7-9: the address an add or a derive would give, before anything is stored.
  // The account preview checks no stored secret (the phrase is the user's own, typed in the page), so
  // it is not a guess for the failure limiter; it derives a key per call, so it is rate-capped.
  // The derive preview opens the identity with its PIN: a secret route like the derive itself.
  const previewCap = new RateCap();
  app.post('/accounts/preview', async (request, reply) => {
    const wait = previewCap.take();
    if (wait > 0) {
      reply.header('retry-after', String(Math.ceil(wait / 1000)));
      return reply.code(429).send(tooManyRequests('Too many address previews at once: wait a moment and try again.'));
    }
    const b = (request.body ?? {}) as Body;
    const { accountPreview } = await import('../../wallet/preview.js');
    const path = typeof b['path'] === 'string' ? { path: b['path'] } : {};
    const key = await vaultKeyOf(b);
    return reply.send(
      await accountPreview(vault(), { ...(key ?? { suri: str(b, 'suri'), network: str(b, 'network', true) ?? 'substrate' }), type: keyType(b), ...path }),
    );
  });
  secret('/identities/preview', deriveTarget, async (b) => {
    const { identityDerivePreview } = await import('../../wallet/preview.js');
    return identityDerivePreview(vault(), str(b, 'identity'), deriveOptions(b));
  });

  app.get('/addresses', async () => {
    const { addressList } = await import('../../wallet/addressBook.js');
    return addressList(vault());
  });
  plain('/addresses/add', async (b) => {
    const { addressAdd } = await import('../../wallet/addressBook.js');
    return addressAdd(vault(), {
      address: str(b, 'address'),
      name: str(b, 'name'),
      ...(str(b, 'note', true) ? { note: str(b, 'note') } : {}),
      ...(str(b, 'network', true) ? { network: str(b, 'network') } : {}),
    });
  });
  plain('/addresses/remove', async (b) => {
    const { addressRemove } = await import('../../wallet/addressBook.js');
    return addressRemove(vault(), str(b, 'address'));
  });

  // Issue 12 #6: the Concordium identities and accounts a desktop-wallet export brought in, shown and removable.
  app.get('/concordium', async () => {
    const { concordiumList } = await import('../../wallet/concordium.js');
    return concordiumList(vault());
  });
  plain('/concordium/remove', async (b) => {
    const { concordiumRemove } = await import('../../wallet/concordium.js');
    // The browser names the item by the number the list gave it (a name could be another item's number).
    const id = b['id'];
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) throw new UsageError({ reason: 'Say which Concordium identity or account to remove.' });
    return concordiumRemove(vault(), { id });
  });

  plain('/concordium/seal', async (b) => {
    const { concordiumSealReadable } = await import('../../wallet/concordium.js');
    return { sealed: await concordiumSealReadable(vault(), str(b, 'password')) };
  });

  secret(
    '/backup/export',
    () => ['backup/export'],
    async (b) => {
      const { backupExport } = await import('../../wallet/backup/export.js');
      // Nova's format needs every identity's PIN, which the browser's export form does not ask yet: the CLI writes it.
      const format = choiceOf(
        b,
        'format',
        BACKUP_FORMAT_CHOICES.filter((f) => f !== 'nova'),
        'keepsake',
      );
      // The password of the Concordium file the data came from, when it is not the new file's (issue 14).
      const concordiumPassword = b['concordiumPassword'];
      const concordiumPasswords = typeof concordiumPassword === 'string' && concordiumPassword !== '' ? [concordiumPassword] : [];
      const r = await backupExport(vault(), str(b, 'password'), { format, concordiumPasswords });
      const download = {
        filename: format === 'keepsake' ? `keepsake-backup-${new Date().toISOString().slice(0, 10)}.json` : 'wallet-export.json',
        json: r.json,
        counts: r.counts,
      };
      return downloadRecorded(download, format === 'keepsake' ? 'keepsake-backup' : format, r.covers);
    },
  );
  secret('/backup/import', fileTargets, async (b) => {
    const { backupImport } = await import('../../wallet/backup/import.js');
    const [f] = files(b);
    return backupImport(vault(), f!.text, str(b, 'password'), { file: f!.file });
  });

  // Issue 12 item 13: rename and remove an identity, edit an address-book entry. No secret is taken:
  // the page asks for a typed confirmation before it removes an identity.
  plain('/identities/rename', async (b) => {
    const { identityRename } = await import('../../wallet/identity/rename.js');
    return identityRename(vault(), str(b, 'identity'), str(b, 'name'));
  });
  plain('/identities/remove', async (b) => {
    const { identityRemove } = await import('../../wallet/identity/remove.js');
    return identityRemove(vault(), str(b, 'identity'));
  });
  plain('/addresses/edit', async (b) => {
    const { addressEdit } = await import('../../wallet/addressBook.js');
    const name = str(b, 'name', true);
    const network = str(b, 'network', true);
    // An empty note is a change (it clears the note); an absent one is not.
    const note = typeof b['note'] === 'string' ? b['note'] : undefined;
    return addressEdit(vault(), str(b, 'address'), {
      ...(name === undefined ? {} : { name }),
      ...(note === undefined ? {} : { note }),
      ...(network === undefined ? {} : { network }),
    });
  });
}

/**
 * The key and network a Polkadot Vault secret text (`vaultText`) gives an add or its preview, or
 * undefined when the body has none (it then has a phrase, `suri`).
 */
async function vaultKeyOf(b: Body): Promise<{ suri: string; network: string; secretKey?: Uint8Array } | undefined> {
  const text = b['vaultText'];
  if (typeof text !== 'string') return undefined;
  const { vaultSecretAddOptions } = await import('../../wallet/vaultText.js');
  const o = vaultSecretAddOptions(text, keyType(b));
  return { suri: o.suri, network: o.network!, ...(o.secretKey ? { secretKey: o.secretKey } : {}) };
}
