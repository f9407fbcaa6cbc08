import { formatDetect } from '../formats/detect.js';

/**
 * Refuses text that is no wallet file keepsake reads — not JSON, an unknown format, a Concordium
 * Mobile export — before a password is asked for (the readers refuse it too, later). `file` names it
 * in the message.
 *
 * @example
 * walletFileCheck(text, 'backup.json') // then ask for the file's password
 */
export function walletFileCheck(text: string, file: string): void {
  formatDetect(text, file);
}
