import { describe, expect, it } from 'vitest';
import { CLI_WORDS } from '../../test/support/cliWords.js';
import type { NextStep } from '../errors/next.js';
import { errorText, nextStepText } from '../../web/src/nextStep.js';
import { errorTextCli, nextStepCli } from './nextStep.js';

/** One of every step; `satisfies` makes a step added to NextStep without a sample here fail to compile. */
const SAMPLES = {
  'choose-network': { do: 'choose-network', network: 'polkadot', label: 'Polkadot Relay Chain' },
  'network-from-address': { do: 'network-from-address' },
  'pick-network': { do: 'pick-network', networks: [{ name: 'axia', label: 'AXIA' }] },
  'use-restore': { do: 'use-restore' },
  'use-backup-import': { do: 'use-backup-import' },
  'kdf-compat': { do: 'kdf-compat' },
  'replace-duplicate': { do: 'replace-duplicate' },
  'update-duplicate': { do: 'update-duplicate', relock: true },
  list: { do: 'list', what: 'accounts' },
  'derive-path': { do: 'derive-path' },
  'other-vault': { do: 'other-vault' },
  'check-vault-path': { do: 'check-vault-path' },
  overwrite: { do: 'overwrite' },
  'secret-from-file': { do: 'secret-from-file', option: '--pin-file' },
  'see-help': { do: 'see-help' },
  'vault-change-password': { do: 'vault-change-password' },
  'vault-lock': { do: 'vault-lock' },
  'concordium-password': { do: 'concordium-password' },
  'rescue-scan': { do: 'rescue-scan' },
  'combine-shards': { do: 'combine-shards', required: 2 },
} as const satisfies { [K in NextStep['do']]: Extract<NextStep, { do: K }> };
const STEPS: NextStep[] = [
  ...Object.values(SAMPLES),
  { do: 'list', what: 'identities' },
  { do: 'list', what: 'addresses' },
  { do: 'list', what: 'concordium' },
  { do: 'update-duplicate', relock: false },
  {
    do: 'pick-network',
    networks: [
      { name: 'westend', label: 'Westend Testnet' },
      { name: 'alphanet', label: 'AXIA AlphaNet' },
    ],
  },
];

describe('next steps', () => {
  it('the CLI words each one with the flag or command that does it', () => {
    expect(nextStepCli(SAMPLES['choose-network'])).toBe('Check the network, or give --network polkadot.');
    expect(nextStepCli(SAMPLES['use-backup-import'])).toBe('Import it with `keepsake backup import FILE`.');
    expect(nextStepCli(SAMPLES['use-restore'])).toBe('Restore account files with `keepsake restore FILE`.');
    expect(nextStepCli(SAMPLES['kdf-compat'])).toMatch(/--kdf compat/);
    expect(nextStepCli(SAMPLES['replace-duplicate'])).toMatch(/--on-duplicate replace/);
    expect(nextStepCli(SAMPLES['update-duplicate'])).toMatch(/--on-duplicate update.*--on-duplicate relock/);
    expect(nextStepText(SAMPLES['update-duplicate'])).toBe('To give it this name and network instead, use “Update the existing account”.');
    expect(nextStepCli(SAMPLES['pick-network'])).toBe(
      'To show them under AXIA, restore with --network axia, or run `keepsake account network ADDRESS axia` for an account already restored.',
    );
    expect(nextStepCli(STEPS.at(-1)!)).toMatch(/another \(westend, alphanet\), restore with --network NAME/);
    expect(nextStepCli(SAMPLES['secret-from-file'])).toBe('Pass --pin-file FILE (or --pin-file - to read it from standard input).');
    for (const step of STEPS) expect(nextStepCli(step), step.do).toMatch(/^[A-Z].*\.$/);
  });

  it('the browser words them with its pages and buttons, never a flag or a command, or leaves out those it has no counterpart of', () => {
    expect(nextStepText(SAMPLES['choose-network'])).toBe('Check the network, or choose “Polkadot Relay Chain”.');
    expect(nextStepText(SAMPLES['use-backup-import'])).toMatch(/Export\/Import → Import/);
    expect(nextStepText(SAMPLES['use-restore'])).toMatch(/Accounts → Restore JSON/);
    expect(nextStepText(SAMPLES['pick-network'])).toBe(
      'To show them under “AXIA”, choose it as the Network when you restore, or use Network… in an account’s Actions menu.',
    );
    expect(nextStepText(SAMPLES['kdf-compat'])).toMatch(/“Readable by wallets from before mid-2025” ticked/);
    for (const step of STEPS) {
      const text = nextStepText(step);
      if (text === undefined) continue;
      expect(text, step.do).toMatch(/^[A-Z].*\.$/);
      expect(text, step.do).not.toMatch(CLI_WORDS);
    }
    // Only the steps that exist only on a command line have no browser words.
    expect(STEPS.filter((s) => nextStepText(s) === undefined).map((s) => s.do)).toEqual(['check-vault-path', 'overwrite', 'secret-from-file', 'see-help']);
    expect(nextStepText(SAMPLES['vault-lock'])).toBe('To set one, use the Vault page.');
  });

  it("follow the message, in each front end's words; a message without one stands alone", () => {
    const report = { message: 'It is a Polkadot address.', next: SAMPLES['choose-network'] };
    expect(errorTextCli(report)).toBe('It is a Polkadot address. Check the network, or give --network polkadot.');
    expect(errorText(report)).toBe('It is a Polkadot address. Check the network, or choose “Polkadot Relay Chain”.');
    expect(errorTextCli({ message: 'Plain.' })).toBe('Plain.');
    expect(errorText({ message: 'Plain.', next: { do: 'see-help' } })).toBe('Plain.');
  });
});
