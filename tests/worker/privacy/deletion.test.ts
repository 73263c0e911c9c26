import { env } from "cloudflare:workers";
import { getTableName, is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../../shared/db/schema.ts";
import type { TelegramRepliesMessage } from "../../../worker/telegram/outbox.ts";
import { sha256Hex } from "../../../worker/http.ts";
import { seedContent } from "../../support/content.ts";
import { batchesSent } from "../../support/queue.ts";
import { linkedWebYoung, loginAs } from "../../support/staff.ts";
import { actions, send, sendRaw } from "../../support/webchat.ts";
import { youngWithHistory } from "../../support/journey.ts";

/**
 * Issue 15 "Privacy": "delete my data" erases the person and everything tied to them. The
 * tables come from shared/db/schema.ts itself: each must either hang off the person with ON
 * DELETE CASCADE (directly or through their alerts) or be listed below as holding nothing about
 * a person, with why; a new table that is neither fails here. Then, after a full journey and
 * the deletion, no row of any table still holds any of the person's identifiers or words.
 */

const NOTHING_ABOUT_A_PERSON: Record<string, string> = {
  turn_guards: "never holds a row (a guard that fails on purpose)",
  telegram_updates: "Telegram update ids only, no chat id",
  content_items: "guidance content",
  publications: "guidance content",
  publication_chunks: "guidance content",
  content_revisions: "guidance content",
  content_settings: "roadmap rules",
  roadmap_rules_revisions: "roadmap rules and the staff who changed them",
  unanswered_questions: "only texts asked by enough distinct people, scrubbed, with no link to anyone",
  event_counts: "anonymous daily counters",
  teams: "staff side",
  staff: "staff side",
  staff_sessions: "staff side",
  login_throttle: "staff sign-in attempts per address and hashed e-mail, deleted with their window",
  link_codes: "staff side (a used code names no young person)",
  digest_deliveries: "staff side: the weekly review digest e-mails (content to review, nothing about a young person)",
  audit_log: "staff actions; a target naming a deleted person or their alert is cleared by the erasure",
};

const tables = (Object.values(schema) as unknown[]).filter((v): v is SQLiteTable => is(v, SQLiteTable));
const cascadesFrom = (table: SQLiteTable, parents: SQLiteTable[]) =>
  getTableConfig(table).foreignKeys.some(
    (fk) => parents.includes(fk.reference().foreignTable) && fk.onDelete === "cascade",
  );

const queued = batchesSent<TelegramRepliesMessage>();
let referent: { id: string; cookie: string };

beforeAll(async () => {
  await seedContent();
  referent = await loginAs("referent");
  await env.DB.prepare("update staff set telegram_chat_id = '83001' where id = ?").bind(referent.id).run();
});

describe("every table has a deletion rule", () => {
  it("should either cascade from the person or be listed as holding nothing about one", () => {
    const person: SQLiteTable[] = [schema.youngPeople];
    for (const t of tables) if (cascadesFrom(t, person)) person.push(t);
    // Through alerts (deliveries), whatever the order of the module's exports.
    for (const t of tables) if (!person.includes(t) && cascadesFrom(t, person)) person.push(t);
    const unruled = tables
      .map(getTableName)
      .filter((name) => !person.some((t) => getTableName(t) === name) && !(name in NOTHING_ABOUT_A_PERSON));
    expect(unruled).toEqual([]);
    // A foreign key to a person that does not cascade would keep rows after a deletion.
    const keeping = tables.filter((t) =>
      getTableConfig(t).foreignKeys.some(
        (fk) => fk.reference().foreignTable === schema.youngPeople && fk.onDelete !== "cascade",
      ),
    );
    expect(keeping.map(getTableName)).toEqual([]);
  });
});

describe("delete my data", () => {
  it("should ask first, say it cannot be undone, and delete nothing until confirmed", async () => {
    const young = await linkedWebYoung(referent.cookie);
    await send(young.token, { action: "data" });
    const ask = await send(young.token, { action: "delete" });
    expect(ask.replies[0]!.text).toContain("Ça ne peut pas être annulé");
    expect(actions(ask)).toEqual(["delete:yes", "data"]);
    expect(
      await env.DB.prepare("select 1 as x from young_people where id = ?").bind(young.sessionId).first(),
    ).not.toBeNull();
  });

  it("should leave no row in any table that holds the person's ids or words, and tell the référent only that the link ended", async () => {
    const young = await youngWithHistory(referent.cookie);
    const id = young.sessionId;
    const alertIds = (
      await env.DB.prepare("select id from alerts where young_id = ?").bind(id).all<{ id: string }>()
    ).results.map((r) => r.id);
    expect(alertIds.length).toBe(2);
    const deliveryIds = (
      await env.DB.prepare(`select id from alert_deliveries where alert_id in (${alertIds.map(() => "?").join(",")})`)
        .bind(...alertIds)
        .all<{ id: string }>()
    ).results.map((r) => r.id);
    await env.DB.batch([
      env.DB.prepare(
        "insert into reminders_sent (young_id, step_id, kind, channel, sent_at) values (?, 'cjm-request', 'before-30', 'chat', ?)",
      ).bind(id, Date.now()),
      // What staff actions leave in the audit log: the person, or one of their alerts, as target.
      env.DB.prepare(
        "insert into audit_log (staff_id, action, target, at) values (?1, 'alert_ack', ?2, ?4), (?1, 'young_unlink', ?3, ?4)",
      ).bind(referent.id, alertIds[0], id, Date.now()),
    ]);
    const secrets = [
      id,
      await sha256Hex(young.token),
      ...alertIds,
      ...deliveryIds,
      "Pouvez-vous m'appeler demain",
      "un endroit pour … ce soir",
    ];

    queued.length = 0;
    await send(young.token, { action: "data" });
    await send(young.token, { action: "delete" });
    const done = await send(young.token, { action: "delete:yes" });
    expect(done.ended).toBe(true);
    expect((await sendRaw(young.token, JSON.stringify({ text: "bonjour" }))).status).toBe(401);

    const leftovers: string[] = [];
    for (const table of tables.map(getTableName)) {
      const rows = (await env.DB.prepare(`select * from ${table}`).all<Record<string, unknown>>()).results;
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          if (typeof value === "string" && secrets.some((s) => value.includes(s))) leftovers.push(`${table}.${column}`);
        }
      }
    }
    expect(leftovers).toEqual([]);
    // The staff actions stay (accountability), pointing at no one.
    const audit = await env.DB.prepare(
      "select action, target from audit_log where staff_id = ? and action in ('alert_ack', 'young_unlink') order by action",
    )
      .bind(referent.id)
      .all();
    expect(audit.results).toEqual([
      { action: "alert_ack", target: null },
      { action: "young_unlink", target: null },
    ]);

    expect(queued).toEqual([
      {
        type: "telegram_replies",
        chatId: "83001",
        attempt: 1,
        replies: [{ text: expect.stringContaining("a pris fin") }],
      },
    ]);
    expect(queued[0]!.replies[0]!.text).not.toMatch(/effac|supprim|delet|données|data/i);
  });

  it("should tell the référent the link ended when the young person unlinks, and nothing more", async () => {
    const young = await linkedWebYoung(referent.cookie);
    await send(young.token, { action: "link" });
    await send(young.token, { action: "link:unlink" });
    await send(young.token, { action: "link:unlink_yes" });
    expect(
      await env.DB.prepare("select count(*) as n from referent_links where young_id = ?")
        .bind(young.sessionId)
        .first<{ n: number }>(),
    ).toEqual({ n: 0 });
    expect(queued).toEqual([
      {
        type: "telegram_replies",
        chatId: "83001",
        attempt: 1,
        replies: [{ text: expect.stringContaining("a pris fin") }],
      },
    ]);
  });
});
