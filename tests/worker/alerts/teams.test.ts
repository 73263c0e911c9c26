import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dispatchAlerts } from "../../../worker/alerts/dispatch.ts";
import { verifyWebhook } from "../../../worker/alerts/webhook.ts";
import { crisisOf, deliveriesOf, drainDeliveries, escalationsOf, helpRequest } from "../../support/alerts.ts";
import { fakeReceiver, fakeTelegram } from "../../support/outside.ts";
import { csrfOf, linkedWebYoung, loginAs, postForm, staffFetch } from "../../support/staff.ts";
import { send } from "../../support/webchat.ts";
import { runCron } from "../../support/cron.ts";

/** Alerts go to the référents' teams (webhook, backup contact); the env vars are the default team. */

const A = {
  name: "Équipe Nantes",
  webhookUrl: "https://receiver.test/team-a",
  webhookSecret: "secret-of-team-a-0123",
  backupTelegramChatId: "7001",
  backupEmail: "",
};
const B = {
  name: "Équipe Angers",
  webhookUrl: "https://receiver.test/team-b",
  webhookSecret: "secret-of-team-b-4567",
  backupTelegramChatId: "7002",
  backupEmail: "",
};

let admin = { id: "", email: "", cookie: "" };
const teamIds = { a: "", b: "" };

async function createTeam(fields: Record<string, string>): Promise<Response> {
  return postForm("/admin/teams", admin.cookie, { _csrf: await csrfOf(admin.cookie, "/admin/teams"), ...fields });
}

async function teamIdOf(name: string): Promise<string> {
  const row = await env.DB.prepare("select id from teams where name = ?").bind(name).first<{ id: string }>();
  return row!.id;
}

async function referentOf(teamId: string | null) {
  const ref = await loginAs("referent");
  if (teamId) {
    const res = await postForm(`/admin/staff/${ref.id}/team`, admin.cookie, {
      _csrf: await csrfOf(admin.cookie, "/admin/staff"),
      teamId,
    });
    expect(res.status).toBe(303);
  }
  return ref;
}

const webhooksFor = (alertId: string) => fakeReceiver.requests.filter((r) => r.body.includes(alertId));
const nowSeconds = () => Math.floor(Date.now() / 1000);
const teamCount = async () => (await env.DB.prepare("select count(*) as n from teams").first<{ n: number }>())!.n;

beforeAll(async () => {
  admin = await loginAs("admin");
  expect((await createTeam(A)).status).toBe(200);
  expect((await createTeam(B)).status).toBe(200);
  teamIds.a = await teamIdOf(A.name);
  teamIds.b = await teamIdOf(B.name);
});

beforeEach(() => {
  fakeTelegram.reset();
  fakeReceiver.reset();
});

describe("team alert delivery", () => {
  it("should send an alert only to the webhook of the team of the linked référent, signed with that team's secret", async () => {
    const ref = await referentOf(teamIds.a);
    const young = await linkedWebYoung(ref.cookie);
    const alertId = await helpRequest(young.token, "besoin d'aide équipe A");
    expect((await deliveriesOf(alertId)).filter((d) => d.channel === "webhook").map((d) => d.recipient)).toEqual([
      `team:${teamIds.a}`,
    ]);
    await drainDeliveries();
    const [req, ...others] = webhooksFor(alertId);
    expect(others).toEqual([]);
    expect(req!.url).toBe(A.webhookUrl);
    const ts = req!.headers["x-passerelle-timestamp"]!;
    const sig = req!.headers["x-passerelle-signature"]!;
    expect(await verifyWebhook(A.webhookSecret, req!.body, ts, sig, nowSeconds())).toBe(true);
    expect(await verifyWebhook(B.webhookSecret, req!.body, ts, sig, nowSeconds())).toBe(false);
    expect(await verifyWebhook("test-alert-webhook-secret", req!.body, ts, sig, nowSeconds())).toBe(false);
    expect(req!.body).not.toContain("besoin d'aide");
    expect((await deliveriesOf(alertId)).find((d) => d.channel === "webhook")!.status).toBe("delivered");
  });

  it("should fall back to the env webhook for a référent without a team", async () => {
    const ref = await referentOf(null);
    const young = await linkedWebYoung(ref.cookie);
    const alertId = await helpRequest(young.token, "sans équipe");
    await drainDeliveries();
    expect(webhooksFor(alertId).map((r) => r.url)).toEqual(["https://receiver.test/passerelle"]);
    const req = webhooksFor(alertId)[0]!;
    expect(
      await verifyWebhook(
        "test-alert-webhook-secret",
        req.body,
        req.headers["x-passerelle-timestamp"]!,
        req.headers["x-passerelle-signature"]!,
        nowSeconds(),
      ),
    ).toBe(true);
    expect((await deliveriesOf(alertId)).find((d) => d.channel === "webhook")!.recipient).toBe("team");
  });

  it("should make one delivery per distinct team, and nothing more when dispatched again", async () => {
    const a1 = await referentOf(teamIds.a);
    const a2 = await referentOf(teamIds.a);
    const b1 = await referentOf(teamIds.b);
    const none = await referentOf(null);
    const young = await linkedWebYoung(a1.cookie, a2.cookie, b1.cookie, none.cookie);
    const alertId = await helpRequest(young.token, "plusieurs équipes");
    expect(await dispatchAlerts(env, [alertId])).toEqual([]);
    await drainDeliveries();
    expect(
      webhooksFor(alertId)
        .map((r) => r.url)
        .sort(),
    ).toEqual(["https://receiver.test/passerelle", A.webhookUrl, B.webhookUrl].sort());
    const webhooks = (await deliveriesOf(alertId)).filter((d) => d.channel === "webhook");
    expect(webhooks.map((d) => d.recipient).sort()).toEqual(["team", `team:${teamIds.a}`, `team:${teamIds.b}`].sort());
  });

  it("should escalate an unacknowledged crisis to the team's backup contact, not the env backup", async () => {
    const ref = await referentOf(teamIds.a);
    const young = await linkedWebYoung(ref.cookie);
    await send(young.token, { text: "mon beau-père me frappe" });
    const crisis = await crisisOf(young.sessionId);
    await drainDeliveries();
    fakeTelegram.reset();
    await runCron(crisis.createdAt + 31 * 60 * 1000);
    const [escalation] = await escalationsOf(crisis.id);
    await drainDeliveries();
    const tag = `Jeune ${young.sessionId.slice(0, 6).toUpperCase()}`;
    const to = (chat: string) =>
      fakeTelegram.messages.filter(
        (m) => m.method === "sendMessage" && String(m.params.chat_id) === chat && String(m.params.text).includes(tag),
      );
    expect(to(A.backupTelegramChatId)).toHaveLength(1);
    expect(String(to(A.backupTelegramChatId)[0]!.params.text)).toMatch(/ESCALADE/);
    expect(to("9999")).toHaveLength(0);
    expect(to(B.backupTelegramChatId)).toHaveLength(0);
    expect((await deliveriesOf(escalation!)).map((d) => [d.channel, d.recipient, d.status])).toEqual([
      ["telegram", `backup:${teamIds.a}`, "delivered"],
      ["webhook", `team:${teamIds.a}`, "delivered"],
    ]);
  });
});

describe("admin teams page", () => {
  it("should refuse an http webhook address (400, nothing stored)", async () => {
    const before = await teamCount();
    const res = await createTeam({
      name: "Équipe http",
      webhookUrl: "http://receiver.test/plain",
      webhookSecret: "long-enough-secret-123",
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("https");
    expect(await teamCount()).toBe(before);
  });

  it("should refuse a webhook without a secret of 16 characters, a non-numeric Telegram id or a bad e-mail", async () => {
    const before = await teamCount();
    const refused: Record<string, string>[] = [
      { name: "X", webhookUrl: "https://receiver.test/x" },
      { name: "X", webhookUrl: "https://receiver.test/x", webhookSecret: "short" },
      { name: "X", backupTelegramChatId: "@equipe" },
      { name: "X", backupEmail: "pas-un-email" },
      { name: "" },
    ];
    for (const fields of refused) expect((await createTeam(fields)).status).toBe(400);
    expect(await teamCount()).toBe(before);
  });

  it("should edit a team, keep the secret when left empty, and never show it nor audit it", async () => {
    expect(
      (
        await createTeam({
          name: "Équipe Cholet",
          webhookUrl: "https://receiver.test/c",
          webhookSecret: "cholet-secret-0123456",
        })
      ).status,
    ).toBe(200);
    const id = await teamIdOf("Équipe Cholet");
    const res = await postForm(`/admin/teams/${id}`, admin.cookie, {
      _csrf: await csrfOf(admin.cookie, "/admin/teams"),
      name: "Équipe Cholet",
      webhookUrl: "https://receiver.test/c",
      backupEmail: "secours@example.org",
    });
    expect(res.status).toBe(303);
    const row = await env.DB.prepare("select webhook_secret as s, backup_email as e from teams where id = ?")
      .bind(id)
      .first<{ s: string; e: string }>();
    expect(row).toEqual({ s: "cholet-secret-0123456", e: "secours@example.org" });
    const html = await (await staffFetch("/admin/teams", { cookie: admin.cookie })).text();
    expect(html).toContain("Équipe Cholet");
    expect(html).not.toContain("cholet-secret");
    const audit = await env.DB.prepare("select group_concat(details) as d from audit_log where target = ?")
      .bind(id)
      .first<{ d: string }>();
    expect(audit!.d).not.toContain("cholet-secret");
  });

  it("should clear the team of its members when a team is deleted", async () => {
    expect((await createTeam({ name: "Équipe éphémère" })).status).toBe(200);
    const id = await teamIdOf("Équipe éphémère");
    const ref = await referentOf(id);
    await env.DB.prepare("delete from teams where id = ?").bind(id).run();
    const row = await env.DB.prepare("select team_id from staff where id = ?")
      .bind(ref.id)
      .first<{ team_id: string | null }>();
    expect(row!.team_id).toBeNull();
  });
});
