import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { database } from "../../worker/store/db.ts";
import { createTeam } from "../../worker/store/teams.ts";
import { drainDeliveries } from "../support/alerts.ts";
import { seedContent } from "../support/content.ts";
import { fakeTelegram } from "../support/outside.ts";
import { linkedWebYoung, loginAs, makeStaff, newLinkCode, staffFetch, STAFF_PASSWORD } from "../support/staff.ts";
import { postUpdate, textUpdate } from "../support/telegram.ts";
import { send } from "../support/webchat.ts";

/**
 * Issue 15: every text a person typed reaches a page or a Telegram HTML message as text,
 * never as markup, and cannot reorder the words around it (a right-to-left override makes
 * "exe.txt" read "txt.exe"). Joiners stay: Persian and Dari need the zero-width non-joiner,
 * emoji families the zero-width joiner.
 */

const MARKUP = "<b>gras</b> & <script>alert(1)</script>";
const ESCAPED = "&lt;b&gt;gras&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;";
const OVERRIDE = "\u202e"; // RIGHT-TO-LEFT OVERRIDE
const ISOLATES = /[\u202a-\u202e\u2066-\u2069]/;
const JOINERS = "می\u200cخواهم 👩\u200d👧";
const HOSTILE = `${MARKUP} ${OVERRIDE}gpj.exe ${JOINERS}`;

let chatNo = 73_000;

beforeAll(async () => {
  await seedContent();
});
beforeEach(() => fakeTelegram.reset());

/** The référent's page as a browser gets it. */
async function page(path: string, cookie: string | null): Promise<string> {
  const res = await staffFetch(path, { cookie });
  return res.text();
}

function expectText(html: string) {
  expect(html).toContain(ESCAPED);
  expect(html).not.toContain("<b>gras");
  expect(html).not.toContain("<script>alert");
  expect(html).not.toMatch(ISOLATES);
  expect(html).toContain(JOINERS);
}

describe("a young person's words shown to their référent", () => {
  it("should reach the dashboard as text, isolated, override removed, joiners kept", async () => {
    const ref = await loginAs("referent");
    const young = await linkedWebYoung(ref.cookie);
    await send(young.token, { action: "contact" });
    await send(young.token, { text: HOSTILE });
    const html = await page("/referent", ref.cookie);
    expectText(html);
    // Inside its own bidirectional isolate: Arabic words cannot pull the label around them.
    expect(html).toMatch(/<bdi>[^<]*&lt;b&gt;gras/);
  });

  it("should reach the référent's Telegram as escaped HTML, override removed, joiners kept", async () => {
    const ref = await loginAs("referent");
    const chat = chatNo++;
    await postUpdate(textUpdate(chat, `/staff ${await newLinkCode(ref.cookie, "telegram")}`));
    const young = await linkedWebYoung(ref.cookie);
    await send(young.token, { action: "contact" });
    await send(young.token, { text: HOSTILE });
    fakeTelegram.reset();
    await drainDeliveries();
    const alert = fakeTelegram.messages.find((m) => String(m.params.chat_id) === String(chat));
    expect(alert?.params.parse_mode).toBe("HTML");
    const text = String(alert!.params.text);
    expectText(text);
  });
});

describe("staff names and team names", () => {
  it("should be escaped in the Telegram message that links a référent's chat", async () => {
    const ref = await loginAs("referent", `Zoé ${MARKUP}`);
    const chat = chatNo++;
    await postUpdate(textUpdate(chat, `/staff ${await newLinkCode(ref.cookie, "telegram")}`));
    const reply = fakeTelegram.messages.find((m) => String(m.params.chat_id) === String(chat))!;
    expect(reply.params.parse_mode).toBe("HTML");
    expect(String(reply.params.text)).toContain(`Zoé ${ESCAPED}`);
    expect(String(reply.params.text)).not.toContain("<b>gras");
  });

  it("should be escaped on the admin's staff and teams pages", async () => {
    const admin = await loginAs("admin");
    await makeStaff("referent", `Ana ${HOSTILE}`);
    await createTeam(
      database(env.DB),
      {
        name: `Équipe ${HOSTILE}`,
        webhookUrl: null,
        webhookSecret: null,
        backupTelegramChatId: null,
        backupEmail: null,
      },
      Date.now(),
    );
    expect(await page("/admin/staff", admin.cookie)).toContain(ESCAPED);
    expect(await page("/admin/staff", admin.cookie)).not.toContain("<script>alert");
    const teams = await page("/admin/teams", admin.cookie);
    expect(teams).toContain(ESCAPED);
    expect(teams).not.toContain("<script>alert");
  });
});

describe("what a visitor typed, echoed in a page", () => {
  it("should be escaped on the sign-in page after a failed sign-in", async () => {
    const res = await staffFetch("/login", {
      method: "POST",
      body: new URLSearchParams({ email: `"><script>alert(1)</script>@x`, password: STAFF_PASSWORD }),
    });
    const html = await res.text();
    expect(res.status).toBe(401);
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;@x");
  });

  it("should be escaped in the simulator's form and errors", async () => {
    const q = new URLSearchParams({ birth: `"><script>alert(1)</script>`, status: MARKUP, dept: `${OVERRIDE}44` });
    const res = await staffFetch(`/parcours?${q}`);
    const html = await res.text();
    expect(res.status).toBe(400);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<b>gras");
    expect(html).toContain("&quot;&gt;&lt;script&gt;");
  });
});
