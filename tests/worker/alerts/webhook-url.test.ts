import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { webhookAddressProblem } from "../../../worker/alerts/webhook-url.ts";
import { configOf } from "../../../worker/config.ts";
import { deliveriesOf, drainDeliveries } from "../../support/alerts.ts";
import { fakeReceiver } from "../../support/outside.ts";
import { csrfOf, linkedWebYoung, loginAs, postForm } from "../../support/staff.ts";
import { send } from "../../support/webchat.ts";

/**
 * Issue 22, finding 15: a team webhook is https on port 443 to a public DNS name, checked
 * when saved and before every delivery, and a redirect is never followed.
 */

const REFUSED = [
  "https://receiver.test:8443/x", "https://receiver.test:80/x", "https://receiver.test:1/x", "http://receiver.test/x",
  "https://127.0.0.1/x", "https://10.0.0.1/x", "https://169.254.169.254/latest/meta-data", "https://192.168.1.1/x",
  "https://[::1]/x", "https://[fd00::1]/x", "https://[::ffff:127.0.0.1]/x", "https://2130706433/x", "https://0x7f.0.0.1/x", "https://0177.0.0.1/x", "https://127.1/x",
  "https://localhost/x", "https://api.localhost/x", "https://printer.local/x", "https://metadata.google.internal/x",
  "https://intranet/x", "https://nas.lan/x", "https://nas.home.arpa/x", "https://1.0.0.127.in-addr.arpa/x", "https://x.corp/x",
  "https://user:pass@receiver.test/x", "https://receiver.test@127.0.0.1/x", "ftp://receiver.test/x", "https://localhost./x",
];

let admin = { id: "", email: "", cookie: "" };
const teamCount = async () => (await env.DB.prepare("select count(*) as n from teams").first<{ n: number }>())!.n;

async function createTeam(fields: Record<string, string>): Promise<Response> {
  return postForm("/admin/teams", admin.cookie, { _csrf: await csrfOf(admin.cookie, "/admin/teams"), ...fields });
}

/** A team stored with this address as it is (written before the rule, or by hand), with a référent and an alert. */
async function alertToTeamAt(address: string, message: string): Promise<string> {
  const teamId = crypto.randomUUID();
  await env.DB.prepare("insert into teams (id, name, webhook_url, webhook_secret, created_at) values (?, ?, ?, 'a-long-enough-secret-0123', ?)").bind(teamId, `Équipe ${teamId.slice(0, 6)}`, address, Date.now()).run();
  const ref = await loginAs("referent");
  await env.DB.prepare("update staff set team_id = ? where id = ?").bind(teamId, ref.id).run();
  const young = await linkedWebYoung(ref.cookie);
  await send(young.token, { action: "contact" });
  await send(young.token, { text: message });
  return (await env.DB.prepare("select id from alerts where message = ?").bind(message).first<{ id: string }>())!.id;
}

beforeAll(async () => {
  admin = await loginAs("admin");
});

beforeEach(() => fakeReceiver.reset());

describe("team webhook addresses", () => {
  it.each(REFUSED)("should refuse %s", (address) => {
    expect(webhookAddressProblem(address)).not.toBeNull();
  });

  it("should accept https to a public name, :443 included", () => {
    for (const address of ["https://receiver.test/x", "https://receiver.test:443/x", "https://hooks.departement44.fr/passerelle?k=1", "https://a-b.example.org/"]) {
      expect(webhookAddressProblem(address), address).toBeNull();
    }
  });

  it("should refuse each of them on the admin form: 400, nothing stored", async () => {
    const before = await teamCount();
    for (const webhookUrl of REFUSED) {
      const res = await createTeam({ name: "Équipe refusée", webhookUrl, webhookSecret: "a-long-enough-secret-0123" });
      expect(res.status, webhookUrl).toBe(400);
    }
    expect(await teamCount()).toBe(before);
    expect((await createTeam({ name: "Équipe 443", webhookUrl: "https://receiver.test:443/t", webhookSecret: "a-long-enough-secret-0123" })).status).toBe(200);
  });

  it("should refuse such an address as the env's default webhook, naming the setting", () => {
    for (const address of ["http://receiver.test/x", "https://10.0.0.1/x", "https://receiver.test:8443/x", "https://metadata.google.internal/x"]) {
      expect(() => configOf({ ...env, ALERT_WEBHOOK_URL: address } as Env), address).toThrow(/ALERT_WEBHOOK_URL: expected https on port 443/);
    }
  });

  it("should not call an address stored before the rule: the delivery fails for good, no request made", async () => {
    const alertId = await alertToTeamAt("https://receiver.test:8443/old", "aide équipe ancienne adresse");
    await drainDeliveries();
    expect(fakeReceiver.requests.filter((r) => r.url.includes(":8443"))).toEqual([]);
    const webhook = (await deliveriesOf(alertId)).find((d) => d.channel === "webhook" && d.recipient.startsWith("team:"))!;
    expect(webhook.status).toBe("failed");
    expect(webhook.attempts).toBe(1);
    expect(webhook.lastError).toMatch(/webhook: address refused/);
  });

  it("should not follow a redirect: one request, the delivery failed for good", async () => {
    const alertId = await alertToTeamAt("https://receiver.test/moved", "aide équipe redirigée");
    fakeReceiver.failNext({ status: 302, headers: { Location: "https://receiver.test:8443/internal" } }, { status: 307, headers: { Location: "https://receiver.test:8443/internal" } });
    await drainDeliveries();
    expect(fakeReceiver.requests.map((r) => new URL(r.url).pathname).filter((p) => p !== "/passerelle")).toEqual(["/moved"]);
    const webhook = (await deliveriesOf(alertId)).find((d) => d.channel === "webhook" && d.recipient.startsWith("team:"))!;
    expect(webhook.status).toBe("failed");
    expect(webhook.lastError).toMatch(/webhook: redirect refused/);
  });
});
