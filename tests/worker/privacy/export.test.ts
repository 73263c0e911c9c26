import { env, exports } from "cloudflare:workers";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { getTableName, is } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../../shared/db/schema.ts";
import { seedContent } from "../../support/content.ts";
import { fakeTelegram } from "../../support/outside.ts";
import { loginAs } from "../../support/staff.ts";
import { buttonUpdate, keyboardOf, postUpdate, textUpdate } from "../../support/telegram.ts";
import { send } from "../../support/webchat.ts";
import { youngWithHistory } from "../../support/journey.ts";

/**
 * Issue 22, finding 11 and issue 15 "Privacy": the export is everything stored about the young
 * person. Checked against the schema itself: every table that refers to a person (directly or
 * through their alerts) is found by its foreign keys, and every column of every row of theirs
 * must be in the file. A new table tied to a person fails here until the export includes it.
 */

/** Columns that are not about the person: an optimisation counter. */
const NOT_PERSONAL = new Set(["young_people.revision"]);

const tables = (Object.values(schema) as unknown[]).filter((v): v is SQLiteTable => is(v, SQLiteTable));
const refersTo = (table: SQLiteTable, target: SQLiteTable) =>
  getTableConfig(table).foreignKeys.some((fk) => fk.reference().foreignTable === target);
const personTables = tables.filter((t) => refersTo(t, schema.youngPeople));
const alertTables = tables.filter((t) => refersTo(t, schema.alerts) && !personTables.includes(t));

function leaves(value: unknown, out = new Set<unknown>()): Set<unknown> {
  if (value !== null && typeof value === "object") for (const v of Object.values(value)) leaves(v, out);
  else out.add(value);
  return out;
}

let referent: { id: string; cookie: string };

beforeAll(async () => {
  await seedContent();
  referent = await loginAs("referent");
});

async function fullJourney() {
  const young = await youngWithHistory(referent.cookie);
  const id = young.sessionId;
  await env.DB.batch([
    env.DB.prepare(
      "update alerts set acknowledged_at = ?, acknowledged_by = ?, young_notified_at = ? where young_id = ? and kind = 'help'",
    ).bind(Date.now(), referent.id, Date.now(), id),
    env.DB.prepare(
      "insert into reminders_sent (young_id, step_id, kind, channel, sent_at) values (?, 'cjm-request', 'before-30', 'chat', ?)",
    ).bind(id, Date.now()),
    env.DB.prepare(
      "insert or ignore into unanswered_askers (text, young_id, locale, asked_at) values ('un endroit pour … ce soir', ?, 'fr', ?)",
    ).bind(id, Date.now()),
    env.DB.prepare("update young_people set purge_warned_at = ? where id = ?").bind(Date.now() - 1000, id),
    // A phone that opted in to push reminders (tests/worker/push/reminders.test.ts does it through the API).
    env.DB.prepare(
      "insert into push_subscriptions (endpoint, young_id, p256dh, auth, created_at) values ('https://fcm.googleapis.com/fcm/send/' || ?1, ?1, 'BExportTestKey', 'ExportTestAuth', ?2)",
    ).bind(id, Date.now()),
    // The référent's nickname for them, and a reply not yet delivered (its text still kept).
    env.DB.prepare("update referent_links set nickname = 'Karim' where young_id = ?").bind(id),
    env.DB.prepare(
      "insert into referent_replies (id, young_id, staff_id, staff_name, text, channel, status, attempts, last_error, created_at, delivered_at) values (?, ?, ?, 'Référente', 'Je t''appelle demain.', 'telegram', 'pending', 2, 'telegram: 500', ?, ?)",
    ).bind(crypto.randomUUID(), id, referent.id, Date.now(), Date.now()),
  ]);
  return young;
}

function exportOf(token: string) {
  return exports.default.fetch(
    new Request("https://passerelle.test/api/chat/export", { headers: { Authorization: `Bearer ${token}` } }),
  );
}

describe("the export", () => {
  it("should find the tables to check in the schema", () => {
    expect(personTables.map(getTableName)).toEqual(
      expect.arrayContaining([
        "identities",
        "alerts",
        "referent_links",
        "roadmap_progress",
        "reminders_sent",
        "unanswered_askers",
      ]),
    );
    expect(alertTables.map(getTableName)).toEqual(["alert_deliveries"]);
  });

  it("should hold every column of every row tied to the person, in every table of the schema that refers to one", async () => {
    const young = await fullJourney();
    const res = await exportOf(young.token);
    expect(res.status).toBe(200);
    const data = (await res.json()) as Record<string, unknown>;
    const values = leaves(data);
    const missing: string[] = [];
    const check = (table: SQLiteTable, rows: Record<string, unknown>[]) => {
      const name = getTableName(table);
      if (rows.length === 0) missing.push(`${name}: the journey left no row to check`);
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          if (value === null || NOT_PERSONAL.has(`${name}.${column}`)) continue;
          const shown = [
            value,
            String(value),
            typeof value === "number" && column.endsWith("_at") ? new Date(value).toISOString() : undefined,
            column === "reminders_opt_out" ? Boolean(value) : undefined,
          ];
          if (!shown.some((v) => v !== undefined && values.has(v)))
            missing.push(`${name}.${column} = ${JSON.stringify(value)}`);
        }
      }
    };
    const rowsOf = async (sql: string) =>
      (await env.DB.prepare(sql).bind(young.sessionId).all<Record<string, unknown>>()).results;
    check(schema.youngPeople, await rowsOf("select * from young_people where id = ?"));
    for (const table of personTables)
      check(table, await rowsOf(`select * from ${getTableName(table)} where young_id = ?`));
    for (const table of alertTables)
      check(
        table,
        await rowsOf(
          `select * from ${getTableName(table)} where alert_id in (select id from alerts where young_id = ?)`,
        ),
      );
    expect(missing).toEqual([]);
  });

  it("should name the crisis category, who received each alert and who the référents are", async () => {
    const young = await fullJourney();
    const data = (await (await exportOf(young.token)).json()) as {
      requestsToReferent: {
        kind: string;
        subject: string | null;
        message: string | null;
        acknowledgedByName: string | null;
        deliveries: { recipientName: string | null; status: string }[];
      }[];
      referents: { name: string }[];
    };
    const crisis = data.requestsToReferent.find((a) => a.kind === "crisis")!;
    expect(crisis.subject).toBe("suicide");
    const help = data.requestsToReferent.find((a) => a.kind === "help")!;
    expect(help.message).toBe("Pouvez-vous m'appeler demain ?");
    const name = (await env.DB.prepare("select name from staff where id = ?")
      .bind(referent.id)
      .first<{ name: string }>())!.name;
    expect(help.acknowledgedByName).toBe(name);
    expect(data.referents.map((r) => r.name)).toEqual([name]);
    expect(crisis.deliveries.length).toBeGreaterThan(0);
  });

  it("should never be cached, and download as a file", async () => {
    const young = await fullJourney();
    const res = await exportOf(young.token);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.headers.get("Content-Disposition")).toMatch(/attachment; filename="passerelle-mes-donnees\.json"/);
  });

  it("should say in plain words what is kept and why, and offer the file, in Mes données", async () => {
    const young = await fullJourney();
    const r = await send(young.token, { action: "data" });
    expect(r.replies[0]!.text).toContain("Pourquoi");
    expect(r.replies[0]!.text).toContain("365 jours");
    expect(r.replies[0]!.buttons!.map((b) => b.action)).toEqual(expect.arrayContaining(["data:export", "delete"]));
  });

  it("should send the file as a Telegram document", async () => {
    const chat = 72_001;
    await postUpdate(textUpdate(chat, "/start"));
    for (const data of ["lang:fr", "privacy:accept", "data", "data:export"]) await postUpdate(buttonUpdate(chat, data));
    const sent = fakeTelegram.calls.filter((c) => c.method === "sendDocument");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.params.chat_id).toBe(String(chat));
    const file = sent[0]!.params.document as { name: string; type: string; text: string };
    expect(file.name).toBe("passerelle-mes-donnees.json");
    const id = (await env.DB.prepare("select young_id as id from identities where key = ?")
      .bind(String(chat))
      .first<{ id: string }>())!.id;
    const data = JSON.parse(file.text) as { profile: { id: string }; identities: { key: string }[] };
    expect(data.profile.id).toBe(id);
    expect(data.identities.map((i) => i.key)).toEqual([String(chat)]);
  });

  it("should say so and offer to try again when Telegram does not take the document, then send it", async () => {
    const chat = 72_002;
    await postUpdate(textUpdate(chat, "/start"));
    for (const data of ["lang:fr", "privacy:accept", "data"]) await postUpdate(buttonUpdate(chat, data));
    fakeTelegram.reset();
    fakeTelegram.failNext({ status: 500, body: { ok: false, error_code: 500, description: "Internal Server Error" } });
    await postUpdate(buttonUpdate(chat, "data:export"));
    const said = fakeTelegram.messages.filter((c) => c.method === "sendMessage").map((c) => String(c.params.text));
    expect(said.join("\n")).toContain("Je n'ai pas pu t'envoyer le fichier");
    expect(said.join("\n")).not.toContain("Voici un fichier");
    const retry = fakeTelegram.messages.find((c) => c.method === "sendMessage")!;
    expect(keyboardOf(retry.params).map(([, a]) => a)).toContain("data:export");
    fakeTelegram.reset();
    await postUpdate(buttonUpdate(chat, "data:export"));
    expect(fakeTelegram.calls.filter((c) => c.method === "sendDocument")).toHaveLength(1);
    expect(fakeTelegram.messages.map((c) => String(c.params.text)).join("\n")).toContain("Voici un fichier");
  });
});
