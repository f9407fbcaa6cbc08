import type { Io } from './io.js';
import { progressStart } from './progress.js';

/**
 * A progress bar (see {@link progressStart}) for slow work that may stop to ask something: `around`
 * takes the bar off the terminal while a prompt waits for an answer, then shows it again where it was.
 */
export function progressPausable(
  io: Io,
  label: string,
  total: number,
): { update: (done: number) => void; around: <T>(ask: () => Promise<T>) => Promise<T>; stop: () => void } {
  let done = 0;
  let bar = progressStart(io, label, total);
  return {
    update: (n) => {
      done = n;
      bar.update(n);
    },
    around: async (ask) => {
      bar.stop();
      try {
        return await ask();
      } finally {
        bar = progressStart(io, label, total);
        bar.update(done);
      }
    },
    stop: () => bar.stop(),
  };
}
