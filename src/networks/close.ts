import { networkList, type Network } from './networks.js';

/** Longest name looked at: a network key is short, and the distance below costs length². */
const MAX_QUERY = 40;

/**
 * The known networks whose name is close to one a person typed, closest first: a few letters off
 * (`polkdot`, `axia-lunar`), or a part of its name or display name (`alphanet` is "AXIA AlphaNet").
 * Used to say which names were meant when a name is unknown.
 *
 * @example
 * networkNamesClose('axialuna').map((n) => n.name) // ['axialunar']
 */
export function networkNamesClose(typed: string, limit = 5): Network[] {
  const query = typed.trim().toLowerCase().slice(0, MAX_QUERY);
  if (query === '') return [];
  // A typo of one letter in four (at least one, at most three) still reads as the same name.
  const allowed = Math.min(3, Math.max(1, Math.floor(query.length / 4)));
  const scored: { network: Network; score: number }[] = [];
  for (const network of networkList()) {
    const contains = query.length >= 3 && (network.name.includes(query) || network.displayName.toLowerCase().includes(query));
    const score = contains ? 0 : editDistance(query, network.name, allowed);
    if (score <= allowed) scored.push({ network, score });
  }
  scored.sort((a, b) => a.score - b.score || a.network.name.length - b.network.name.length);
  return scored.slice(0, limit).map((s) => s.network);
}

/** Levenshtein distance of `a` and `b`, or `cap + 1` as soon as it is known to exceed `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      next.push(value);
      best = Math.min(best, value);
    }
    if (best > cap) return cap + 1;
    row = next;
  }
  return row[b.length]!;
}
