/** Debian's Chromium, which the browser tests drive (`.ci/run` installs it), and the flags every launch shares. */
export const CHROMIUM = '/usr/bin/chromium';

/** No sandbox (containers), no GPU, no first-run page, and nothing fetched from the network in the background. */
export const CHROMIUM_QUIET_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
