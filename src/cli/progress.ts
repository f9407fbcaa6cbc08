import type { Io } from './io.js';

/**
 * A progress bar on stderr for slow work — only on a terminal, and only once the work has taken
 * longer than a moment (so quick commands print nothing extra).
 */
export function progressStart(io: Io, label: string, total: number): { update: (done: number) => void; stop: () => void } {
  if (!io.stderr.isTTY || io.json || total < 2) return { update: () => {}, stop: () => {} };
  let bar: { update: (n: number) => void; stop: () => void; start: (t: number, n: number) => void } | undefined;
  let done = 0;
  const timer = setTimeout(async () => {
    const { SingleBar } = (await import('cli-progress')).default;
    bar = new SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream: io.stderr as NodeJS.WriteStream, hideCursor: true, clearOnComplete: true });
    bar.start(total, done);
  }, 400);
  return {
    update: (n) => {
      done = n;
      bar?.update(n);
    },
    stop: () => {
      clearTimeout(timer);
      bar?.stop();
    },
  };
}
