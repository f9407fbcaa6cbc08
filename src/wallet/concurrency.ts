import { availableParallelism } from 'node:os';

/**
 * Maps `items` through `fn` with at most `limit` calls in flight (default: one per core), keeping
 * order. KDF work runs on libuv's pool, so this keeps every core busy. Memory is not bounded here but
 * by bytes, process-wide: every scrypt waits on `scryptBudget` (crypto/scrypt.ts), so however many
 * calls run here — or in the server's parallel requests beside them — their scrypt memory in flight
 * stays within `SCRYPT_MEMORY_BUDGET`.
 */
export async function mapConcurrent<T, R>(items: readonly T[], fn: (item: T, index: number) => Promise<R>, limit = availableParallelism()): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
