import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { schemaTables } from "../../support/db.ts";
import { seedContent } from "../../support/content.ts";
import { linkedWebYoung, loginAs } from "../../support/staff.ts";
import { buttonUpdate, postUpdate, textUpdate } from "../../support/telegram.ts";
import { send } from "../../support/webchat.ts";

/**
 * Issue 15 "Privacy": no message text is stored, except the words a young person explicitly
 * sends to their référent. Every kind of text a young person types (an answered question, an
 * unanswered one, a crisis, an onboarding answer, a link code attempt, the words sent to the
 * référent) carries a marker; afterwards every column of every table of the schema is searched.
 */

const MARK = "Zorvalek";

async function whereStored(): Promise<string[]> {
  const found: string[] = [];
  for (const table of schemaTables()) {
    const rows = (await env.DB.prepare(`select * from ${table}`).all<Record<string, unknown>>()).results;
    for (const row of rows)
      for (const [column, value] of Object.entries(row))
        if (typeof value === "string" && value.toLowerCase().includes(MARK.toLowerCase()))
          found.push(`${table}.${column}`);
  }
  return [...new Set(found)];
}

beforeAll(async () => {
  await seedContent();
});

describe("message texts", () => {
  it("should be stored nowhere but in the words sent to the référent (web chat)", async () => {
    const referent = await loginAs("referent");
    const young = await linkedWebYoung(referent.cookie);
    await send(young.token, { text: `bonjour ${MARK}` });
    for (const action of ["lang:fr", "privacy:accept"]) await send(young.token, { action });
    await send(young.token, { text: `2008 ${MARK}` });
    for (const action of ["year:2008", "month:03", "status:ase", "dept:44"]) await send(young.token, { action });
    await send(young.token, { text: `comment demander le contrat jeune majeur ${MARK}` });
    await send(young.token, { text: `${MARK} piscine trottinette` });
    await send(young.token, { text: `je veux mourir ${MARK}` });
    await send(young.token, { text: `code ${MARK}` });
    expect(await whereStored()).toEqual([]);
    await send(young.token, { action: "contact" });
    await send(young.token, { text: `rappelle-moi ${MARK}` });
    expect(await whereStored()).toEqual(["alerts.message"]);
  });

  it("should be stored nowhere on Telegram either", async () => {
    await env.DB.prepare("update alerts set message = null").run();
    const chat = 74_001;
    await postUpdate(textUpdate(chat, `/start ${MARK}`));
    for (const data of ["lang:fr", "privacy:accept"]) await postUpdate(buttonUpdate(chat, data));
    for (const text of [
      `${MARK} piscine`,
      `je veux mourir ${MARK}`,
      `comment demander le contrat jeune majeur ${MARK}`,
      `/staff ${MARK}`,
    ])
      await postUpdate(textUpdate(chat, text));
    expect(await whereStored()).toEqual([]);
  });
});
