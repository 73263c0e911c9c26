import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { webhookAddressProblem } from "../../../worker/alerts/webhook-url.ts";
import { isPublicIpv4, isPublicIpv6 } from "../../../worker/alerts/webhook-dns.ts";
import { configOf } from "../../../worker/config.ts";
import { deliveriesOf, drainDeliveries } from "../../support/alerts.ts";
import { fakeDns, fakeReceiver } from "../../support/outside.ts";
import { csrfOf, linkedWebYoung, loginAs, postForm } from "../../support/staff.ts";
import { send } from "../../support/webchat.ts";

/**
 * Issue 22, finding 15: a team webhook is https on port 443 to a public DNS name, checked
 * when saved and before every delivery, and a redirect is never followed.
 */

const REFUSED = [
  "https://receiver.test:8443/x",
  "https://receiver.test:80/x",
  "https://receiver.test:1/x",
  "http://receiver.test/x",
  "https://127.0.0.1/x",
  "https://10.0.0.1/x",
  "https://169.254.169.254/latest/meta-data",
  "https://192.168.1.1/x",
  "https://[::1]/x",
  "https://[fd00::1]/x",
  "https://[::ffff:127.0.0.1]/x",
  "https://2130706433/x",
  "https://0x7f.0.0.1/x",
  "https://0177.0.0.1/x",
  "https://127.1/x",
  "https://localhost/x",
  "https://api.localhost/x",
  "https://printer.local/x",
  "https://metadata.google.internal/x",
  "https://intranet/x",
  "https://nas.lan/x",
  "https://nas.home.arpa/x",
  "https://1.0.0.127.in-addr.arpa/x",
  "https://x.corp/x",
  "https://user:pass@receiver.test/x",
  "https://receiver.test@127.0.0.1/x",
  "ftp://receiver.test/x",
  "https://localhost./x",
];

let admin = { id: "", email: "", cookie: "" };
const teamCount = async () => (await env.DB.prepare("select count(*) as n from teams").first<{ n: number }>())!.n;

async function createTeam(fields: Record<string, string>): Promise<Response> {
  return postForm("/admin/teams", admin.cookie, { _csrf: await csrfOf(admin.cookie, "/admin/teams"), ...fields });
}

/** A team stored with this address as it is (written before the rule, or by hand), with a référent and an alert. */
async function alertToTeamAt(address: string, message: string): Promise<string> {
  const teamId = crypto.randomUUID();
  await env.DB.prepare(
    "insert into teams (id, name, webhook_url, webhook_secret, created_at) values (?, ?, ?, 'a-long-enough-secret-0123', ?)",
  )
    .bind(teamId, `Équipe ${teamId.slice(0, 6)}`, address, Date.now())
    .run();
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

beforeEach(() => {
  fakeReceiver.reset();
  fakeDns.reset();
});

describe("team webhook addresses", () => {
  it.each(REFUSED)("should refuse %s", (address) => {
    expect(webhookAddressProblem(address)).not.toBeNull();
  });

  it("should accept https to a public name, :443 included", () => {
    for (const address of [
      "https://receiver.test/x",
      "https://receiver.test:443/x",
      "https://hooks.departement44.fr/passerelle?k=1",
      "https://a-b.example.org/",
    ]) {
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
    expect(
      (
        await createTeam({
          name: "Équipe 443",
          webhookUrl: "https://receiver.test:443/t",
          webhookSecret: "a-long-enough-secret-0123",
        })
      ).status,
    ).toBe(200);
  });

  it("should refuse such an address as the env's default webhook, naming the setting", () => {
    for (const address of [
      "http://receiver.test/x",
      "https://10.0.0.1/x",
      "https://receiver.test:8443/x",
      "https://metadata.google.internal/x",
    ]) {
      expect(() => configOf({ ...env, ALERT_WEBHOOK_URL: address } as Env), address).toThrow(
        /ALERT_WEBHOOK_URL: expected https on port 443/,
      );
    }
  });

  it("should not call an address stored before the rule: the delivery fails for good, no request made", async () => {
    const alertId = await alertToTeamAt("https://receiver.test:8443/old", "aide équipe ancienne adresse");
    await drainDeliveries();
    expect(fakeReceiver.requests.filter((r) => r.url.includes(":8443"))).toEqual([]);
    const webhook = (await deliveriesOf(alertId)).find(
      (d) => d.channel === "webhook" && d.recipient.startsWith("team:"),
    )!;
    expect(webhook.status).toBe("failed");
    expect(webhook.attempts).toBe(1);
    expect(webhook.lastError).toMatch(/webhook: address refused/);
  });

  it("should not follow a redirect: one request, the delivery failed for good", async () => {
    const alertId = await alertToTeamAt("https://receiver.test/moved", "aide équipe redirigée");
    fakeReceiver.failNext(
      { status: 302, headers: { Location: "https://receiver.test:8443/internal" } },
      { status: 307, headers: { Location: "https://receiver.test:8443/internal" } },
    );
    await drainDeliveries();
    expect(fakeReceiver.requests.map((r) => new URL(r.url).pathname).filter((p) => p !== "/passerelle")).toEqual([
      "/moved",
    ]);
    const webhook = (await deliveriesOf(alertId)).find(
      (d) => d.channel === "webhook" && d.recipient.startsWith("team:"),
    )!;
    expect(webhook.status).toBe("failed");
    expect(webhook.lastError).toMatch(/webhook: redirect refused/);
  });
});

describe("where a webhook's name points", () => {
  const INTERNAL: Record<string, { A: string[]; AAAA: string[] }> = {
    "loopback.example.org": { A: ["127.0.0.1"], AAAA: [] },
    "private.example.org": { A: ["10.1.2.3"], AAAA: [] },
    "metadata.example.org": { A: ["169.254.169.254"], AAAA: [] },
    "cgnat.example.org": { A: ["100.64.0.7"], AAAA: [] },
    "v6-loopback.example.org": { A: [], AAAA: ["::1"] },
    "v6-ula.example.org": { A: [], AAAA: ["fd12:3456::1"] },
    "v6-mapped.example.org": { A: [], AAAA: ["::ffff:127.0.0.1"] },
    "mixed.example.org": { A: ["93.184.215.14", "192.168.0.10"], AAAA: [] },
  };

  it("should tell public addresses from the others", () => {
    for (const a of ["93.184.215.14", "1.1.1.1", "8.8.8.8", "172.32.0.1", "100.128.0.1"])
      expect(isPublicIpv4(a), a).toBe(true);
    for (const a of [
      "0.1.2.3",
      "10.0.0.1",
      "100.64.0.1",
      "127.0.0.1",
      "169.254.169.254",
      "172.16.0.1",
      "172.31.255.255",
      "192.0.2.1",
      "192.168.1.1",
      "198.18.0.1",
      "203.0.113.9",
      "224.0.0.1",
      "255.255.255.255",
      "1.2.3",
    ])
      expect(isPublicIpv4(a), a).toBe(false);
    for (const a of ["2606:4700:4700::1111", "2a00:1450:4007:80e::200e"]) expect(isPublicIpv6(a), a).toBe(true);
    for (const a of [
      "::1",
      "::",
      "fe80::1",
      "fd00::1",
      "ff02::1",
      "::ffff:127.0.0.1",
      "::ffff:93.184.215.14",
      "64:ff9b::7f00:1",
      "2001:db8::1",
      "2002:7f00:1::1",
      "2001:0:4136::1",
      "nope",
    ])
      expect(isPublicIpv6(a), a).toBe(false);
  });

  it("should refuse on the admin form a name that resolves to an internal address, or not at all: 400, nothing stored", async () => {
    Object.assign(fakeDns.records, INTERNAL);
    const before = await teamCount();
    for (const host of [...Object.keys(INTERNAL), "nowhere.example.org"]) {
      const res = await createTeam({
        name: `Équipe ${host}`,
        webhookUrl: `https://${host}/hook`,
        webhookSecret: "a-long-enough-secret-0123",
      });
      expect(res.status, host).toBe(400);
      expect(await res.text(), host).toContain("nom public");
    }
    expect(await teamCount()).toBe(before);
  });

  it("should ask again later when DNS does not answer, storing nothing", async () => {
    fakeDns.down = true;
    const before = await teamCount();
    const res = await createTeam({
      name: "Équipe DNS",
      webhookUrl: "https://receiver.test/dns",
      webhookSecret: "a-long-enough-secret-0123",
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("réessaie");
    expect(await teamCount()).toBe(before);
  });

  it("should not deliver to a saved name that now resolves to an internal address", async () => {
    const alertId = await alertToTeamAt("https://receiver.test/rebound", "aide équipe nom déplacé");
    fakeDns.records["receiver.test"] = { A: ["127.0.0.1"], AAAA: [] };
    await drainDeliveries();
    expect(fakeReceiver.requests).toEqual([]);
    expect(fakeDns.asked).toContain("receiver.test");
    const webhook = (await deliveriesOf(alertId)).find(
      (d) => d.channel === "webhook" && d.recipient.startsWith("team:"),
    )!;
    expect(webhook.status).toBe("failed");
    expect(webhook.lastError).toMatch(/resolves to a non-public address/);
  });

  it("should retry a delivery while DNS does not answer, then deliver", async () => {
    const alertId = await alertToTeamAt("https://receiver.test/dns-down", "aide équipe dns en panne");
    fakeDns.down = true;
    await drainDeliveries(1);
    const team = () =>
      deliveriesOf(alertId).then((all) => all.find((d) => d.channel === "webhook" && d.recipient.startsWith("team:"))!);
    expect((await team()).status).toBe("pending");
    expect((await team()).lastError).toMatch(/DNS did not answer/);
    fakeDns.down = false;
    await drainDeliveries();
    expect((await team()).status).toBe("delivered");
    expect(fakeReceiver.requests.map((r) => new URL(r.url).pathname)).toContain("/dns-down");
  });
});
