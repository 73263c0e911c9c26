import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { profileFromColumns } from "../../../shared/profile.ts";
import { computeRoadmap } from "../../../shared/roadmap/compute.ts";
import { parisDate } from "../../../shared/roadmap/time.ts";
import { t } from "../../../shared/i18n/index.ts";
import { LOCALES } from "../../../shared/locales.ts";
import { seedContent, seedRules } from "../../support/content.ts";
import { csrfOf, linkedWebYoung, loginAs, newLinkCode, postForm, staffFetch } from "../../support/staff.ts";
import { actions, openSession, send } from "../../support/webchat.ts";

/**
 * Issue 24, the référent's dashboard: a private nickname per linked young person (that référent
 * only, gone with the link), the last activity and the open roadmap deadlines; and the linking
 * consent text saying that the référent may reply and that admins see help messages.
 */

let referent: { id: string; cookie: string };

beforeAll(async () => {
  await seedContent();
  referent = await loginAs("referent");
});

const dashboardOf = async (cookie: string) => (await staffFetch("/referent", { cookie })).text();

async function setNickname(cookie: string, youngId: string, nickname: string) {
  return postForm(`/referent/young/${youngId}/nickname`, cookie, { _csrf: await csrfOf(cookie), nickname });
}

describe("the référent's private nickname", () => {
  it("should show it to that référent only, and forget it with the link", async () => {
    const colleague = await loginAs("referent");
    const admin = await loginAs("admin");
    const young = await linkedWebYoung(referent.cookie, colleague.cookie);
    const res = await setNickname(referent.cookie, young.sessionId, "Karim du foyer Lamoricière");
    expect(res.status).toBe(200);
    expect(await dashboardOf(referent.cookie)).toContain("Karim du foyer Lamoricière");
    // A colleague following the same young person, and an admin who sees everyone: not theirs.
    expect(await dashboardOf(colleague.cookie)).not.toContain("Karim du foyer");
    expect(await dashboardOf(admin.cookie)).not.toContain("Karim du foyer");
    // Never written to the audit log.
    const audit = await env.DB.prepare("select count(*) as n from audit_log where details like '%Karim%'").first<{
      n: number;
    }>();
    expect(audit!.n).toBe(0);

    const unlink = await postForm(`/referent/young/${young.sessionId}/unlink`, referent.cookie, {
      _csrf: await csrfOf(referent.cookie),
    });
    expect(unlink.status).toBe(200);
    const left = await env.DB.prepare("select count(*) as n from referent_links where nickname is not null").first<{
      n: number;
    }>();
    expect(left!.n).toBe(0);
    // Linked again: no nickname comes back.
    const preview = await send(young.token, { text: `code ${await newLinkCode(referent.cookie, "young")}` });
    await send(young.token, { action: actions(preview).find((a) => a.startsWith("link:yes:"))! });
    expect(await dashboardOf(referent.cookie)).not.toContain("Karim du foyer");
  });

  it("should clear it when emptied, and refuse one that is too long or on two lines", async () => {
    const young = await linkedWebYoung(referent.cookie);
    await setNickname(referent.cookie, young.sessionId, "Aya");
    expect((await setNickname(referent.cookie, young.sessionId, "x".repeat(41))).status).toBe(400);
    expect((await setNickname(referent.cookie, young.sessionId, "Aya\nB")).status).toBe(400);
    expect(await dashboardOf(referent.cookie)).toContain("Aya");
    await setNickname(referent.cookie, young.sessionId, "  ");
    const row = await env.DB.prepare("select nickname from referent_links where young_id = ?")
      .bind(young.sessionId)
      .first<{ nickname: string | null }>();
    expect(row!.nickname).toBeNull();
  });

  it("should be erased with the young person's data", async () => {
    const young = await linkedWebYoung(referent.cookie);
    await setNickname(referent.cookie, young.sessionId, "Moussa");
    await staffFetch("/api/chat/session", { method: "DELETE", headers: { Authorization: `Bearer ${young.token}` } });
    const row = await env.DB.prepare("select count(*) as n from referent_links where young_id = ?")
      .bind(young.sessionId)
      .first<{ n: number }>();
    expect(row!.n).toBe(0);
  });
});

describe("what the dashboard shows of each young person", () => {
  it("should show the last activity and the open roadmap deadlines, computed from the published rules", async () => {
    const young = await linkedWebYoung(referent.cookie);
    // A profile as the onboarding stores it: born 17 years ago in January, in care in Loire-Atlantique.
    const birth = `${new Date().getUTCFullYear() - 17}-01`;
    await env.DB.prepare("update young_people set birth = ?, status = 'ase', dept = '44' where id = ?")
      .bind(birth, young.sessionId)
      .run();
    const row = await env.DB.prepare(
      "select birth, status, dept, entered_care as enteredCare, permit_expiry as permitExpiry from young_people where id = ?",
    )
      .bind(young.sessionId)
      .first<{
        birth: string | null;
        status: string | null;
        dept: string | null;
        enteredCare: string | null;
        permitExpiry: string | null;
      }>();
    const open = computeRoadmap(profileFromColumns(row!), seedRules(), parisDate(new Date())).filter(
      (s) => s.due !== null && ["overdue", "now", "soon"].includes(s.state),
    );
    expect(open.length).toBeGreaterThan(0);

    const html = await dashboardOf(referent.cookie);
    const card = html.slice(html.indexOf(`id="young-${young.sessionId}"`));
    const section = card.slice(0, card.indexOf("</section>"));
    expect(section).toContain("Échéances ouvertes");
    expect(section).toContain(open[0]!.rule.title.fr.replace(/'/g, "&#39;"));
    expect(section).toContain(open[0]!.due!.split("-").reverse().join("/"));
    expect(section).toMatch(/Dernière activité : \d\d\/\d\d\/\d{4} \d\d:\d\d/);
  });

  it("should not list a young person who is not linked to the référent", async () => {
    const other = await loginAs("referent");
    const young = await linkedWebYoung(other.cookie);
    expect(await dashboardOf(referent.cookie)).not.toContain(`young-${young.sessionId}`);
  });
});

describe("the linking consent text", () => {
  it("should say in every language that the référent may reply and that admins see help requests", async () => {
    expect(t("fr", "linkPreview", { name: "Samia" })).toContain("Samia pourra t'écrire un court message ici");
    expect(t("fr", "linkPreview", { name: "Samia" })).toContain("Les administrateurs de Passerelle");
    for (const locale of LOCALES) {
      const text = t(locale, "linkPreview", { name: "Samia" });
      expect(text.split("Samia").length, locale).toBeGreaterThanOrEqual(5);
      // Who may reply and who else sees help requests: two more mentions of Passerelle than "follow you on Passerelle".
      expect(text.split("Passerelle").length - 1, locale).toBe(3);
    }
    // As the young person reads it in the chat.
    const young = await openSession();
    const preview = await send(young.token, { text: `code ${await newLinkCode(referent.cookie, "young")}` });
    expect(preview.replies.map((r) => r.text).join("\n")).toContain("Les administrateurs de Passerelle");
  });
});
