import type { StorageAdapter } from "grammy";

/**
 * grammY's session storage on D1, the way grammY's storage docs describe an adapter: one
 * `read` before the middleware runs and one `write` after it (grammY's `session()` writes back
 * every session it read). Values are JSON in one row per session key.
 */
export class D1SessionStorage<T> implements StorageAdapter<T> {
  constructor(private readonly db: D1Database) {}

  async read(key: string): Promise<T | undefined> {
    const value = await this.db.prepare("select value from sessions where key = ?1").bind(key).first<string>("value");
    return value === null ? undefined : (JSON.parse(value) as T);
  }

  async write(key: string, value: T): Promise<void> {
    await this.db
      .prepare(
        "insert into sessions (key, value, updated_at) values (?1, ?2, ?3) on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at",
      )
      .bind(key, JSON.stringify(value), Date.now())
      .run();
  }

  async delete(key: string): Promise<void> {
    await this.db.prepare("delete from sessions where key = ?1").bind(key).run();
  }
}
