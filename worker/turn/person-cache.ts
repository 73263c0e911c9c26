import type { Identity, PersonRow } from "../store/turns.ts";

/**
 * The young people this isolate served last, each with the row their last turn's write batch
 * read back from D1 and the content and rules versions it ran on: their next turn here skips the read batch
 * (one D1 round trip instead of two) and its write is guarded against anything that changed
 * meanwhile (why that is safe: run.ts). Bounded, least recently used first out; an isolate's
 * memory only, never shared.
 */
export type KeptPerson = {
  person: PersonRow;
  contentVersion: number | null;
  rulesPublishedAt: number | null;
  /** When it was kept (ms): a web session's idle limit does not trust an older row (worker/web/session.ts). */
  keptAt?: number;
};

const LIMIT = 2000;

/** One key per channel identity ("telegram:<chat id>", "web:<token hash>"). */
export function personKey(identity: Identity): string {
  return `${identity.channel}:${identity.key}`;
}
const kept = new Map<string, KeptPerson>();

export function keptPerson(key: string): KeptPerson | undefined {
  const entry = kept.get(key);
  if (entry) {
    kept.delete(key);
    kept.set(key, entry);
  }
  return entry;
}

export function keepPerson(key: string, entry: KeptPerson): void {
  kept.delete(key);
  kept.set(key, entry.keptAt === undefined ? { ...entry, keptAt: Date.now() } : entry);
  if (kept.size > LIMIT) kept.delete(kept.keys().next().value!);
}

export function forgetPerson(key: string): void {
  kept.delete(key);
}
