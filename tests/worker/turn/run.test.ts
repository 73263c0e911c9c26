import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { Input } from "../../../bot/types.ts";
import { database } from "../../../worker/store/db.ts";
import { publishDrafts, replaceDrafts } from "../../../worker/store/content.ts";
import { keptPerson } from "../../../worker/turn/person-cache.ts";
import { loadTurn } from "../../../worker/store/turns.ts";
import { runTurn, type TurnOutcome } from "../../../worker/turn/run.ts";
import { fixtureBundle, seedFixture } from "../../support/admin-content.ts";
import { countedDb } from "../../support/counted-db.ts";

/**
 * A young person's next turn in the same isolate runs from the row their last turn left,
 * without reading D1 first; anything that changed meanwhile (a référent's action, a
 * publication, a deletion, a retried update) is still seen, because the guarded write is
 * refused and the turn reads and runs again.
 */

let nextUpdate = 500_000;
const turn = (key: string, input: Input, testEnv: Env = env, updateId = nextUpdate++) =>
  runTurn(testEnv, { identity: { channel: "telegram", key }, input, now: new Date(), updateId });
const action = (name: string): Input => ({ kind: "action", action: name });

function done(outcome: TurnOutcome) {
  if (outcome.kind !== "done") throw new Error(`expected a done turn, got ${outcome.kind}`);
  return outcome;
}

/** A young person past the first screens, whose last turn this isolate kept. */
async function returning(key: string) {
  done(await turn(key, { kind: "start" }));
  done(await turn(key, action("lang:fr")));
  return done(await turn(key, action("privacy:accept"))).state;
}

beforeAll(async () => {
  await seedFixture();
});

describe("a returning young person's turn", () => {
  it("should take one D1 round trip (the write), not a read and a write", async () => {
    await returning("kept-1");
    const { env: counting, calls } = countedDb(env.DB);
    done(await turn("kept-1", action("menu"), counting));
    expect(calls.n).toBe(1);
  });

  it("should take two round trips the first time this isolate sees the person", async () => {
    // Another isolate (here: the direct SQL) wrote last: the kept row is refused, then read again.
    await returning("kept-2");
    await env.DB.prepare(
      "update young_people set locale = 'en' where id = (select young_id from identities where key = 'kept-2')",
    ).run();
    const { env: counting, calls } = countedDb(env.DB);
    const state = done(await turn("kept-2", action("menu"), counting)).state;
    expect(state.locale).toBe("en");
    expect(calls.n).toBe(3); // refused write, read, write
    const again = countedDb(env.DB);
    done(await turn("kept-2", action("menu"), again.env));
    expect(again.calls.n).toBe(1);
  });

  it("should see a help request acknowledged by the référent between two turns", async () => {
    const before = await returning("kept-3");
    await env.DB.prepare(
      "insert into alerts (id, young_id, kind, severity, created_at) values (?1, ?2, 'help', 'normal', ?3)",
    )
      .bind(crypto.randomUUID(), before.youngId, Date.now())
      .run();
    expect(done(await turn("kept-3", action("menu"))).state.openHelpRequests).toBe(1);
    await env.DB.prepare("update alerts set acknowledged_at = ?1, acknowledged_by = 'référent' where young_id = ?2")
      .bind(Date.now(), before.youngId)
      .run();
    const after = done(await turn("kept-3", action("menu"))).state;
    expect(after.openHelpRequests).toBe(0);
  });

  it("should answer with the content published between two turns", async () => {
    await returning("kept-4");
    const first = done(await turn("kept-4", action("menu"))).replies;
    expect(JSON.stringify(first)).toContain("Mes droits");
    const bundle = fixtureBundle();
    bundle.topics[0]!.title = { fr: "Mes droits, nouvelle version", en: "My rights, new version" };
    const db = database(env.DB);
    expect((await replaceDrafts(db, bundle, "editor", new Date())).ok).toBe(true);
    expect((await publishDrafts(db, "editor", "renamed", new Date())).ok).toBe(true);
    const next = done(await turn("kept-4", action("menu"))).replies;
    expect(JSON.stringify(next)).toContain("Mes droits, nouvelle version");
  });

  it("should start a new conversation when the person's data was deleted meanwhile", async () => {
    const before = await returning("kept-5");
    await env.DB.prepare("delete from young_people where id = ?1").bind(before.youngId).run();
    const after = done(await turn("kept-5", { kind: "start" })).state;
    expect(after.youngId).not.toBe(before.youngId);
    expect(after.consentAt).toBeUndefined();
    const rows = await env.DB.prepare("select count(*) as n from identities where key = 'kept-5'").first<{
      n: number;
    }>();
    expect(rows?.n).toBe(1);
  });

  it("should answer a retried update only once", async () => {
    await returning("kept-6");
    const id = nextUpdate++;
    expect((await turn("kept-6", action("menu"), env, id)).kind).toBe("done");
    expect((await turn("kept-6", action("menu"), env, id)).kind).toBe("duplicate");
    expect((await turn("kept-6", action("menu"))).kind).toBe("done");
  });

  it("should guard a web chat turn (no update id) the same way", async () => {
    const web = (input: Input, testEnv: Env = env) =>
      runTurn(testEnv, { identity: { channel: "web", key: "kept-web" }, input, now: new Date() });
    done(await web({ kind: "start" }));
    done(await web(action("lang:fr")));
    const before = done(await web(action("privacy:accept"))).state;
    const quiet = countedDb(env.DB);
    done(await web(action("menu"), quiet.env));
    expect(quiet.calls.n).toBe(1);
    await env.DB.prepare("update young_people set locale = 'en' where id = ?1").bind(before.youngId).run();
    const changed = countedDb(env.DB);
    expect(done(await web(action("menu"), changed.env)).state.locale).toBe("en");
    expect(changed.calls.n).toBe(3);
    expect(await env.DB.prepare("select count(*) as n from turn_guards").first<{ n: number }>()).toEqual({ n: 0 });
  });

  it("should write nothing of a refused turn twice", async () => {
    const before = await returning("kept-7");
    const count = async () =>
      (await env.DB.prepare("select count(*) as n from telegram_updates").first<{ n: number }>())!.n;
    await env.DB.prepare("update young_people set dept = '44' where id = ?1").bind(before.youngId).run();
    const events = await count();
    done(await turn("kept-7", action("menu")));
    // The refused batch was rolled back whole (its update marker too): the update is taken in once.
    expect(await count()).toBe(events + 1);
  });

  it("should keep a new person's row from their first turn, exactly as a read returns it", async () => {
    done(await turn("kept-new-1", { kind: "start" }));
    const kept = keptPerson("telegram:kept-new-1");
    const read = await loadTurn(database(env.DB), { channel: "telegram", key: "kept-new-1" });
    expect(kept?.person).toEqual(read.person);
    const { env: counting, calls } = countedDb(env.DB);
    done(await turn("kept-new-1", action("lang:fr"), counting));
    expect(calls.n).toBe(1);
  });

  it("should keep, after an ordinary turn, exactly the row a read would return", async () => {
    await returning("kept-9");
    for (const name of ["menu", "topic:housing", "menu"]) {
      done(await turn("kept-9", action(name)));
      const read = await loadTurn(database(env.DB), { channel: "telegram", key: "kept-9" });
      expect(keptPerson("telegram:kept-9")?.person).toEqual(read.person);
    }
  });

  it("should keep the row as the turn's write left it, the alerts it raised included", async () => {
    done(await turn("kept-new-2", action("lang:fr")));
    done(await turn("kept-new-2", action("privacy:skip")));
    const first = done(await turn("kept-new-2", { kind: "text", text: "je veux mourir" }));
    expect(first.alertIds.length).toBe(1);
    const read = await loadTurn(database(env.DB), { channel: "telegram", key: "kept-new-2" });
    expect(keptPerson("telegram:kept-new-2")?.person).toEqual(read.person);

    await returning("kept-8");
    done(await turn("kept-8", action("contact")));
    expect(done(await turn("kept-8", action("contact:send"))).alertIds.length).toBe(1);
    const { env: counting, calls } = countedDb(env.DB);
    expect(done(await turn("kept-8", action("menu"), counting)).state.openHelpRequests).toBe(1);
    expect(calls.n).toBe(1);
  });
});
