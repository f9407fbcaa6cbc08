import { plural } from '../text/plural.js';
import { BaseError } from './base.js';
import { UsageError } from './usage.js';

/** The text is not a Banana Split shard at all (not JSON, or not the shard's fields). */
export class NotShardError extends BaseError {
  override readonly name = 'NotShardError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ label, reason }: { label?: string | undefined; reason: string }) {
    super(`${label ?? 'This text'} is not a Banana Split shard (${reason}); give the text or QR image of a shard.`);
  }
}

/** A shard's fields are there but its data cannot be read, or the shards' data do not fit together. */
export class ShardDamagedError extends BaseError {
  override readonly name = 'ShardDamagedError';
  override readonly kind = 'damaged';
  override readonly field = 'file';
  constructor({ label, reason }: { label?: string | undefined; reason: string }) {
    super(`${label ?? 'A shard'} is damaged (${reason}); scan or copy it again, or use another shard of the set.`);
  }
}

/** Fewer shards than the set's threshold (`r`). */
export class ShardsTooFewError extends BaseError {
  override readonly name = 'ShardsTooFewError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ have, need, title }: { have: number; need: number; title: string }) {
    super(
      `"${title.slice(0, 80)}" needs ${need} shards to recover and ${have === 1 ? 'only 1 was' : `only ${have} were`} given (${have} of ${need} needed); add ${plural(need - have, 'more shard')} of the set.`,
    );
  }
}

/** More shards than any set can have (a set holds at most 255). */
export class ShardsTooManyError extends BaseError {
  override readonly name = 'ShardsTooManyError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ have, max }: { have: number; max: number }) {
    super(`${have} shards were given, but a set has at most ${max}; give the shards of one set only.`);
  }
}

/** What differs between shards that should be of one set. */
export type ShardSetDifference = 'title' | 'nonce' | 'required' | 'version';

const DIFFERENCE: Record<ShardSetDifference, string> = {
  title: 'their titles differ',
  nonce: 'they were encrypted separately: their nonces differ',
  required: 'they need different numbers of shards',
  version: 'they are of different Banana Split versions',
};

/** The shards given come from different splits. */
export class ShardSetsMixedError extends BaseError {
  override readonly name = 'ShardSetsMixedError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ differs }: { differs: ShardSetDifference }) {
    super(`These shards are of different sets (${DIFFERENCE[differs] ?? `their ${differs} differs`}); give shards of one set only.`);
  }
}

/** The same shard (same number in the set) was given twice. */
export class ShardDuplicateError extends BaseError {
  override readonly name = 'ShardDuplicateError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ id }: { id: number }) {
    super(`Shard number ${id} of the set was given twice; each shard counts once, so give another shard of the set instead.`);
  }
}

/** The passphrase does not open the secret the shards hold together. */
export class ShardPassphraseWrongError extends BaseError {
  override readonly name = 'ShardPassphraseWrongError';
  override readonly kind = 'wrong-secret';
  override readonly field = 'password';
  constructor({ title }: { title: string }) {
    super(`The passphrase does not open the shards of "${title.slice(0, 80)}"; check its four words (joined by "-") and try again.`, {
      hints: ['A shard altered since it was written fails the same way: if the passphrase is right, try another shard of the set.'],
    });
  }
}

/** A split asked for a number of shards Banana Split cannot make. */
export class ShardCountError extends UsageError {
  override readonly name = 'ShardCountError';
  constructor({ shares, min, max }: { shares: number | string; min: number; max: number }) {
    super({
      reason: `A secret is split into ${min} to ${max} shards, not ${String(shares).slice(0, 20)}.`,
      hint: `Choose a number of shards from ${min} to ${max}.`,
    });
  }
}

/** The shards opened, but what they hold is not a BIP-39 recovery phrase, so it cannot be an identity. */
export class ShardSecretNotPhraseError extends BaseError {
  override readonly name = 'ShardSecretNotPhraseError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ title, cause }: { title: string; cause?: unknown }) {
    super(
      `The shards of "${title.slice(0, 80)}" open, but what they hold is not a recovery phrase, so no identity was made; recover it with Banana Split itself.`,
      {
        cause,
      },
    );
  }
}

/** An image given as a shard is not a PNG keepsake can read, or holds no QR code it can find. */
export class ShardImageError extends BaseError {
  override readonly name = 'ShardImageError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ label, reason }: { label: string; reason: string }) {
    super(`${label} ${reason}; give a sharper PNG photo or scan of the shard's QR code, or its text.`);
  }
}

/** The folder for a split's files already holds files. */
export class ShardFolderNotEmptyError extends BaseError {
  override readonly name = 'ShardFolderNotEmptyError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ folder }: { folder: string }) {
    super(`The folder ${folder} is not empty; keepsake writes shards only into a new or empty folder, so nothing was written.`, { next: { do: 'overwrite' } });
  }
}
