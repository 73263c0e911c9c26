import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { RETENTION_DEFAULTS } from "../../../worker/config.ts";
import { seedFixture } from "../../support/admin-content.ts";
import { loginAs, staffFetch } from "../../support/staff.ts";
import { openSession, send } from "../../support/webchat.ts";
import { runCron } from "../../support/cron.ts";

/**
 * Issue 22, finding 10: a young person's words typed as a question are scrubbed before they are
 * stored, held back (tied to who asked, deleted with them) until enough distinct people asked
 * the same, and kept for a limited time.
 */

const AUDIT_EXAMPLE = "Je suis Karim Benali, 0612345678, né le 12/03/2006 à Saint-Herblain : où nager ce soir ?";
const LEAKS = ["karim", "benali", "0612345678", "12", "03", "2006", "herblain"];
const MIN = RETENTION_DEFAULTS.UNANSWERED_MIN_PEOPLE;

let editor: { cookie: string };

beforeAll(async () => {
  await seedFixture();
  editor = await loginAs("editor");
});

async function ask(text: string) {
  const session = await openSession({ locale: "fr" });
  await send(session.token, { action: "topic:rights" });
  await send(session.token, { text });
  return session;
}

async function storedTexts(): Promise<string[]> {
  const shown = await env.DB.prepare("select text from unanswered_questions").all<{ text: string }>();
  const held = await env.DB.prepare("select text from unanswered_askers").all<{ text: string }>();
  return [...shown.results, ...held.results].map((r) => r.text);
}

const insight = async () => (await staffFetch("/admin/content/insight", { cookie: editor.cookie })).text();

describe("unanswered questions", () => {
  it("should store the audit's example without the name, phone number, birth date or city", async () => {
    await ask(AUDIT_EXAMPLE);
    const texts = await storedTexts();
    expect(texts).toEqual(["je suis … ne le a … ou … ce soir"]);
    for (const leak of LEAKS) expect(texts.join(" ").split(/\s+/)).not.toContain(leak);
    const html = await insight();
    for (const leak of ["Karim", "Benali", "0612345678", "Herblain"]) expect(html).not.toContain(leak);
  });

  it(`should show editors a question only once ${MIN} distinct people asked it, then with no link to them`, async () => {
    const question = "un endroit pour nager ce soir";
    const first = await ask(question);
    // The same person asking again is still one person.
    await send(first.token, { text: question });
    for (let i = 1; i < MIN - 1; i++) await ask(question);
    expect(await insight()).not.toContain("un endroit pour … ce soir");
    await ask(question);
    expect(await insight()).toContain("un endroit pour … ce soir");
    const held = await env.DB.prepare("select count(*) as n from unanswered_askers where text = ?")
      .bind("un endroit pour … ce soir")
      .first<{ n: number }>();
    expect(held!.n).toBe(0);
    const shown = await env.DB.prepare("select count from unanswered_questions where text = ?")
      .bind("un endroit pour … ce soir")
      .first<{ count: number }>();
    expect(shown!.count).toBe(MIN);
  });

  it("should delete a held-back question with the person who asked it", async () => {
    const session = await ask("mes projets de piscine");
    expect(await storedTexts()).toContain("mes projets de …");
    const res = await exports.default.fetch(
      new Request("https://passerelle.test/api/chat/session", {
        method: "DELETE",
        headers: { Authorization: `Bearer ${session.token}` },
      }),
    );
    expect(res.status).toBe(204);
    expect(await storedTexts()).not.toContain("mes projets de …");
  });

  it("should drop questions not asked for the retention time, shown or held back", async () => {
    expect((await storedTexts()).length).toBeGreaterThan(0);
    // On the hour: the retention jobs run in the cron's first run of each hour.
    const later =
      Math.floor(Date.now() / 3_600_000) * 3_600_000 + (RETENTION_DEFAULTS.UNANSWERED_RETENTION_DAYS + 1) * 86_400_000;
    await runCron(later);
    expect(await storedTexts()).toEqual([]);
  });
});
