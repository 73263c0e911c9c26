import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { fakeTelegram } from "../../support/outside.ts";
import { csrfOf, loginAs, newLinkCode, postForm } from "../../support/staff.ts";
import { buttonUpdate, postUpdate, textUpdate } from "../../support/telegram.ts";
import { actions, openSession, send } from "../../support/webchat.ts";

async function linksOf(staffId: string): Promise<string[]> {
  const rows = await env.DB.prepare("select young_id from referent_links where staff_id = ?")
    .bind(staffId)
    .all<{ young_id: string }>();
  return rows.results.map((r) => r.young_id);
}

function allText(r: { replies: { text: string }[] }): string {
  return r.replies.map((x) => x.text).join("\n");
}

beforeEach(() => fakeTelegram.reset());

describe("linking a young person with a one-time code", () => {
  it("should refuse a wrong code and link nobody", async () => {
    const ref = await loginAs("referent");
    await newLinkCode(ref.cookie, "young");
    const young = await openSession();
    const r = await send(young.token, { text: "code ABCD-2345" });
    expect(allText(r)).toMatch(/ne marche pas/);
    expect(actions(r).some((a) => a.startsWith("link:yes"))).toBe(false);
    expect(await linksOf(ref.id)).toEqual([]);
  });

  it("should refuse an expired code", async () => {
    const ref = await loginAs("referent");
    const code = await newLinkCode(ref.cookie, "young");
    await env.DB.prepare("update link_codes set expires_at = ? where staff_id = ?")
      .bind(Date.now() - 1, ref.id)
      .run();
    const young = await openSession();
    const r = await send(young.token, { text: `code ${code}` });
    expect(allText(r)).toMatch(/ne marche pas/);
    expect(await linksOf(ref.id)).toEqual([]);
  });

  it("should show exactly what the référent will see, and link only after confirmation", async () => {
    const ref = await loginAs("referent", "Awa Diallo");
    const code = await newLinkCode(ref.cookie, "young");
    const young = await openSession();
    const preview = await send(young.token, { text: `code ${code.toLowerCase().replace("-", " ")}` });
    const text = allText(preview);
    expect(text).toMatch(/Awa Diallo pourra voir/);
    expect(text).toMatch(/ne verra jamais tes messages/);
    expect(await linksOf(ref.id)).toEqual([]);
    const yes = actions(preview).find((a) => a.startsWith("link:yes:"))!;
    const done = await send(young.token, { action: yes });
    expect(allText(done)).toMatch(/Awa Diallo est relié/);
    expect(await linksOf(ref.id)).toEqual([young.sessionId]);
    // "See my data" says who follows them.
    const exported = await (await import("cloudflare:workers")).exports.default.fetch(
      new Request("https://passerelle.test/api/chat/export", { headers: { Authorization: `Bearer ${young.token}` } }),
    );
    expect(await exported.json()).toMatchObject({ referents: [{ name: "Awa Diallo", linkedAt: expect.any(String) }] });
  });

  it("should refuse a code already used by someone else", async () => {
    const ref = await loginAs("referent");
    const code = await newLinkCode(ref.cookie, "young");
    const first = await openSession();
    const second = await openSession();
    const p1 = await send(first.token, { text: `code ${code}` });
    const p2 = await send(second.token, { text: `code ${code}` });
    await send(first.token, { action: actions(p1).find((a) => a.startsWith("link:yes:"))! });
    const late = await send(second.token, { action: actions(p2).find((a) => a.startsWith("link:yes:"))! });
    expect(allText(late)).toMatch(/ne marche pas/);
    expect(await linksOf(ref.id)).toEqual([first.sessionId]);
  });

  it("should ask again when the text typed for the code cannot be one", async () => {
    const young = await openSession();
    const asked = await send(young.token, { text: "relier" });
    expect(allText(asked)).toMatch(/Écris ce code ici/);
    const r = await send(young.token, { text: "je sais pas" });
    expect(allText(r)).toMatch(/ne marche pas/);
  });

  it("should word the help request for a linked référent once linked (hasReferent loaded with the turn)", async () => {
    const ref = await loginAs("referent");
    const young = await openSession();
    const before = await send(young.token, { action: "contact:send" });
    const code = await newLinkCode(ref.cookie, "young");
    const p = await send(young.token, { text: `code ${code}` });
    await send(young.token, { action: actions(p).find((a) => a.startsWith("link:yes:"))! });
    await env.DB.prepare("update alerts set acknowledged_at = 1, young_notified_at = 1 where young_id = ?")
      .bind(young.sessionId)
      .run();
    const after = await send(young.token, { action: "contact:send" });
    expect(allText(after)).not.toBe(allText(before));
  });

  it('should offer "Relier mon référent" in the menu until a référent is linked', async () => {
    const ref = await loginAs("referent");
    const young = await openSession();
    expect(actions(await send(young.token, { action: "menu" }))).toContain("link");
    const p = await send(young.token, { action: "link" });
    expect(allText(p)).toMatch(/Écris ce code ici/);
    const preview = await send(young.token, { text: await newLinkCode(ref.cookie, "young") });
    await send(young.token, { action: actions(preview).find((a) => a.startsWith("link:yes:"))! });
    expect(actions(await send(young.token, { action: "menu" }))).not.toContain("link");
  });

  it("should let the young person unlink", async () => {
    const ref = await loginAs("referent");
    const code = await newLinkCode(ref.cookie, "young");
    const young = await openSession();
    const p = await send(young.token, { text: `code ${code}` });
    await send(young.token, { action: actions(p).find((a) => a.startsWith("link:yes:"))! });
    const ask = await send(young.token, { text: "délier" });
    expect(actions(ask)).toContain("link:unlink_yes");
    await send(young.token, { action: "link:unlink_yes" });
    expect(await linksOf(ref.id)).toEqual([]);
  });

  it("should let the référent unlink from the dashboard, only their own young people", async () => {
    const ref = await loginAs("referent");
    const other = await loginAs("referent");
    const code = await newLinkCode(ref.cookie, "young");
    const young = await openSession();
    const p = await send(young.token, { text: `code ${code}` });
    await send(young.token, { action: actions(p).find((a) => a.startsWith("link:yes:"))! });
    const refused = await postForm(`/referent/young/${young.sessionId}/unlink`, other.cookie, {
      _csrf: await csrfOf(other.cookie),
    });
    expect(refused.status).toBe(403);
    const ok = await postForm(`/referent/young/${young.sessionId}/unlink`, ref.cookie, {
      _csrf: await csrfOf(ref.cookie),
    });
    expect(ok.status).toBe(200);
    expect(await linksOf(ref.id)).toEqual([]);
  });

  it("should link a Telegram young person through the chat buttons", async () => {
    const ref = await loginAs("referent", "Jules Martin");
    const code = await newLinkCode(ref.cookie, "young");
    await postUpdate(textUpdate(7101, "/start"));
    await postUpdate(textUpdate(7101, `/code ${code}`));
    const preview = fakeTelegram.messages.at(-1)!;
    expect(String(preview.params.text)).toMatch(/Jules Martin pourra voir/);
    await postUpdate(buttonUpdate(7101, `link:yes:${code.replace("-", "")}`));
    const row = await env.DB.prepare(
      "select count(*) as n from referent_links l join identities i on i.young_id = l.young_id where i.key = '7101' and l.staff_id = ?",
    )
      .bind(ref.id)
      .first<{ n: number }>();
    expect(row!.n).toBe(1);
  });
});

describe("linking a référent's own Telegram chat", () => {
  it("should refuse a wrong or young-purpose code", async () => {
    const ref = await loginAs("referent");
    const youngCode = await newLinkCode(ref.cookie, "young");
    await postUpdate(textUpdate(7201, `/staff ${youngCode}`));
    await postUpdate(textUpdate(7201, "/staff ZZZZ-ZZZZ"));
    const row = await env.DB.prepare("select telegram_chat_id from staff where id = ?")
      .bind(ref.id)
      .first<{ telegram_chat_id: string | null }>();
    expect(row!.telegram_chat_id).toBeNull();
    expect(fakeTelegram.messages.every((m) => /Code invalide/.test(String(m.params.text)))).toBe(true);
  });

  it("should link the chat with a telegram code, once", async () => {
    const ref = await loginAs("referent");
    const code = await newLinkCode(ref.cookie, "telegram");
    await postUpdate(textUpdate(7202, `/staff ${code}`));
    const row = await env.DB.prepare("select telegram_chat_id from staff where id = ?")
      .bind(ref.id)
      .first<{ telegram_chat_id: string | null }>();
    expect(row!.telegram_chat_id).toBe("7202");
    await postUpdate(textUpdate(7203, `/staff ${code}`));
    const again = await env.DB.prepare("select count(*) as n from staff where telegram_chat_id = '7203'").first<{
      n: number;
    }>();
    expect(again!.n).toBe(0);
    // A staff command never creates a young person.
    const people = await env.DB.prepare("select count(*) as n from identities where key in ('7202', '7203')").first<{
      n: number;
    }>();
    expect(people!.n).toBe(0);
  });
});

describe("a /staff code that does not link (issue 22, finding 8)", () => {
  const chatOf = async (staffId: string) =>
    (await env.DB.prepare("select telegram_chat_id from staff where id = ?")
      .bind(staffId)
      .first<{ telegram_chat_id: string | null }>())!.telegram_chat_id;

  it("should leave a linked référent's chat linked after a wrong, young-purpose, used, expired or malformed code", async () => {
    const ref = await loginAs("referent");
    await postUpdate(textUpdate(7301, `/staff ${await newLinkCode(ref.cookie, "telegram")}`));
    expect(await chatOf(ref.id)).toBe("7301");
    const other = await loginAs("referent");
    const used = await newLinkCode(other.cookie, "telegram");
    await postUpdate(textUpdate(7399, `/staff ${used}`));
    const expired = await newLinkCode(other.cookie, "telegram");
    await env.DB.prepare(
      "update link_codes set expires_at = ? where used_at is null and purpose = 'telegram' and staff_id = ?",
    )
      .bind(Date.now() - 1, other.id)
      .run();
    const typed = ["ZZZZ-ZZZZ", await newLinkCode(other.cookie, "young"), used, expired, "12", ""];
    for (const code of typed) {
      fakeTelegram.reset();
      await postUpdate(textUpdate(7301, `/staff ${code}`));
      expect(await chatOf(ref.id), code).toBe("7301");
      expect(String(fakeTelegram.messages.at(-1)?.params.text), code).toMatch(/Code invalide/);
    }
    expect(await chatOf(other.id)).toBe("7399");
  });

  it("should leave the chat with its référent when the code belongs to a disabled account", async () => {
    const ref = await loginAs("referent");
    await postUpdate(textUpdate(7302, `/staff ${await newLinkCode(ref.cookie, "telegram")}`));
    const gone = await loginAs("referent");
    const code = await newLinkCode(gone.cookie, "telegram");
    await env.DB.prepare("update staff set disabled_at = ? where id = ?").bind(Date.now(), gone.id).run();
    await postUpdate(textUpdate(7302, `/staff ${code}`));
    expect(await chatOf(ref.id)).toBe("7302");
    expect(await chatOf(gone.id)).toBeNull();
  });

  it("should still move a chat to the référent whose valid code it sends", async () => {
    const first = await loginAs("referent");
    await postUpdate(textUpdate(7303, `/staff ${await newLinkCode(first.cookie, "telegram")}`));
    const second = await loginAs("referent");
    await postUpdate(textUpdate(7303, `/staff ${await newLinkCode(second.cookie, "telegram")}`));
    expect(await chatOf(first.id)).toBeNull();
    expect(await chatOf(second.id)).toBe("7303");
  });
});
