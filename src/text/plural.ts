/**
 * A count with its noun: "1 identity", "2 identities", "0 accounts". The one plural helper of every
 * face — the CLI, the server's messages and the browser wallet (which imports this file) — so no
 * message says "1 paths".
 *
 * @example
 * plural(1, 'identity', 'identities') // '1 identity'
 * plural(3, 'path') // '3 paths'
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
