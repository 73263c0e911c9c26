import { env } from "cloudflare:workers";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { eventCounts } from "../../../shared/db/schema.ts";
import { database } from "../../../worker/store/db.ts";
import { bind, prepareOnce, statementOf } from "../../../worker/store/prepared.ts";

describe("statements prepared once per isolate", () => {
  let builds = 0;
  const countFor = prepareOnce((db) => {
    builds++;
    return db
      .select({ count: eventCounts.count, doubled: sql<number>`${eventCounts.count} * 2` })
      .from(eventCounts)
      .where(eq(eventCounts.event, sql.placeholder("event")))
      .prepare();
  });

  it("should build the SQL once and bind new values on every use, mapping rows as drizzle does", async () => {
    const db = database(env.DB);
    await db.$client.batch([
      statementOf(db, db.insert(eventCounts).values({ day: "2026-01-01", event: "prepared-a", key: "", count: 3 })),
      statementOf(db, db.insert(eventCounts).values({ day: "2026-01-01", event: "prepared-b", key: "", count: 5 })),
    ]);
    const a = bind(db, countFor(db), { event: "prepared-a" });
    const b = bind(db, countFor(db), { event: "prepared-b" });
    const [ra, rb] = await db.$client.batch([a.statement, b.statement]);
    expect(a.map(ra!)).toEqual([{ count: 3, doubled: 6 }]);
    expect(b.map(rb!)).toEqual([{ count: 5, doubled: 10 }]);
    expect(builds).toBe(1);
  });

  it("should refuse to run when a placeholder has no value", () => {
    const db = database(env.DB);
    expect(() => bind(db, countFor(db), {})).toThrow(/placeholder "event"/);
  });
});
