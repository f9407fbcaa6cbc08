import { randomBytes } from 'node:crypto';
import { LaunchLinkExpiredError, LaunchLinkUnknownError, LaunchLinkUsedError } from '../errors/launch.js';

/** How long a one-time link works after it was made: enough for a browser to start. */
export const LAUNCH_CODE_TTL_MS = 2 * 60_000;

/**
 * One-time codes for the link `keepsake ui` opens the browser with.
 *
 * The opener (`xdg-open`, then the browser) carries its URL in argv, which every local user can
 * read (`ps`, /proc/PID/cmdline), and the browser keeps it in its history. So that URL holds no
 * lasting secret: a random code that the page exchanges once, within {@link LAUNCH_CODE_TTL_MS},
 * for the session token (`POST /session`). A second use is refused, which also tells the user when
 * someone else was quicker. The address printed in the terminal keeps the token itself, for
 * copy-paste.
 */
export class LaunchCodes {
  private readonly codes = new Map<string, { expires: number; used: boolean }>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly token: string,
    options: { ttlMs?: number; now?: () => number } = {},
  ) {
    this.ttlMs = options.ttlMs ?? LAUNCH_CODE_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** A new code (144 random bits, URL-safe). */
  issue(): string {
    const code = randomBytes(18).toString('base64url');
    this.codes.set(code, { expires: this.now() + this.ttlMs, used: false });
    return code;
  }

  /** The session token for `code`, once; throws a `LaunchLink…Error` a browser user can act on. */
  redeem(code: string): string {
    const entry = this.codes.get(code);
    if (entry === undefined) throw new LaunchLinkUnknownError();
    if (entry.used) throw new LaunchLinkUsedError();
    if (this.now() > entry.expires) throw new LaunchLinkExpiredError({ minutes: Math.max(1, Math.round(this.ttlMs / 60_000)) });
    entry.used = true;
    return this.token;
  }
}
