import { mapConcurrent } from './concurrency.js';

/** What a prompt names when it asks for the password of something still locked. */
export type LockedLabel = { file: string; address: string | null; name: string | null };

/** Something locked with a password of its own: a whole file, or an entry of a batch, list or backup. */
export type Locked = {
  label: LockedLabel;
  /** Passwords already tried on it (the file's, for an entry of a batch). */
  tried: readonly string[];
  /**
   * Tries `password`: false when it is not this one's password; otherwise it keeps what it opened
   * and returns what that revealed still locked (the entries of a batch that opened), if anything.
   */
  open: (password: string) => Promise<false | Locked[]>;
};

/**
 * Asks for one more password for what is still locked (a terminal prompt naming them); an empty
 * answer or undefined stops asking.
 */
export type AskPassword = (locked: readonly LockedLabel[]) => Promise<string | undefined>;

/**
 * Tries every password on everything still locked: each of `passwords` (the lines of a password
 * file), then each answer of `ask`, until all is open or `ask` gives none. One password may open
 * several (an extension batch whose entries share one), and each thing gets every password given,
 * whatever the order (an entry revealed by a later password still gets the earlier ones). No
 * password is tried twice on the same thing, and an empty one never.
 *
 * @example
 * await lockedOpen(files.map((f) => ({ label, tried: [first], open: (pw) => openFile(f, pw) })), { passwords: [first, second] })
 */
export async function lockedOpen(locked: readonly Locked[], options: { passwords: readonly string[]; ask?: AskPassword | undefined }): Promise<void> {
  type Item = { lock: Locked; tried: Set<string>; open: boolean };
  const items: Item[] = [];
  const add = (list: readonly Locked[]) => items.push(...list.map((lock) => ({ lock, tried: new Set(lock.tried), open: false })));
  add(locked);
  const known: string[] = [];
  const still = () => items.filter((i) => !i.open);
  const tryKnown = async () => {
    for (
      let round = still().filter((i) => known.some((p) => !i.tried.has(p)));
      round.length > 0;
      round = still().filter((i) => known.some((p) => !i.tried.has(p)))
    ) {
      await mapConcurrent(round, async (item) => {
        for (const password of known) {
          if (item.open || item.tried.has(password)) continue;
          item.tried.add(password);
          const revealed = await item.lock.open(password);
          if (revealed === false) continue;
          item.open = true;
          add(revealed);
        }
      });
    }
  };
  const learn = (password: string) => {
    if (password !== '' && !known.includes(password)) known.push(password);
  };
  options.passwords.forEach(learn);
  await tryKnown();
  while (options.ask !== undefined && still().length > 0) {
    const answer = await options.ask(still().map((i) => i.lock.label));
    if (answer === undefined || answer === '') break;
    learn(answer);
    await tryKnown();
  }
}
