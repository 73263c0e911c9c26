/**
 * Where a webhook's name points (issue 22, finding 15: names that resolve to internal
 * addresses). Asked of Cloudflare's DNS over HTTPS (JSON API) when an admin saves the
 * address and before each delivery, so a name moved to an internal address since is
 * refused too. A name with no address, or any address that is not public (loopback,
 * private, link-local, shared, documentation, multicast, reserved; IPv4 inside IPv6), is
 * refused; DNS not answering is "unknown" (the delivery is retried, the form asks again).
 */

export const DOH_URL = "https://cloudflare-dns.com/dns-query";

export type NameCheck = "public" | "internal" | "unresolved" | "unknown";

const A = 1;
const AAAA = 28;

/** Non-public IPv4 ranges as [first octets, prefix length]. */
const IPV4_NOT_PUBLIC: [number[], number][] = [
  [[0], 8],
  [[10], 8],
  [[100, 64], 10],
  [[127], 8],
  [[169, 254], 16],
  [[172, 16], 12],
  [[192, 0, 0], 24],
  [[192, 0, 2], 24],
  [[192, 88, 99], 24],
  [[192, 168], 16],
  [[198, 18], 15],
  [[198, 51, 100], 24],
  [[203, 0, 113], 24],
  [[224], 4],
  [[240], 4],
];

function ipv4Number(address: string): number | null {
  const parts = address.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

export function isPublicIpv4(address: string): boolean {
  const n = ipv4Number(address);
  if (n === null) return false;
  return !IPV4_NOT_PUBLIC.some(([octets, prefix]) => {
    const base = [...octets, 0, 0, 0, 0].slice(0, 4).reduce((x, o) => x * 256 + o, 0);
    const size = 2 ** (32 - prefix);
    return n >= base && n < base + size;
  });
}

function ipv6Groups(address: string): number[] | null {
  let text = address.toLowerCase();
  // An IPv4 tail (::ffff:1.2.3.4) as two groups.
  const v4 = /(\d{1,3}(\.\d{1,3}){3})$/.exec(text);
  if (v4) {
    const n = ipv4Number(v4[1]!);
    if (n === null) return null;
    text = `${text.slice(0, -v4[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head = "", tail, extra] = text.split("::");
  if (extra !== undefined) return null;
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...right];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

/** Global unicast (2000::/3) but documentation, 6to4, Teredo and ORCHID; no IPv4 embedded. */
export function isPublicIpv6(address: string): boolean {
  const g = ipv6Groups(address);
  if (!g) return false;
  const first = g[0]!;
  if ((first & 0xe000) !== 0x2000) return false;
  if (first === 0x2001 && (g[1]! === 0x0db8 || g[1]! < 0x0200)) return false;
  if (first === 0x2002) return false;
  if (first === 0x3fff && g[1]! < 0x1000) return false;
  return true;
}

type DohAnswer = { Status?: number; Answer?: { type?: number; data?: string }[] };

async function lookup(host: string, type: number): Promise<string[] | null> {
  try {
    const res = await fetch(`${DOH_URL}?name=${encodeURIComponent(host)}&type=${type}`, {
      headers: { Accept: "application/dns-json" },
    });
    if (!res.ok) return null;
    const body = (await res.json()) as DohAnswer;
    // 0 = found, 3 = no such name; anything else (SERVFAIL, refused) is not an answer.
    if (body.Status !== 0 && body.Status !== 3) return null;
    return (body.Answer ?? []).filter((a) => a.type === type && typeof a.data === "string").map((a) => a.data!);
  } catch {
    return null;
  }
}

/** Whether every address `host` resolves to is public (both A and AAAA asked). */
export async function checkWebhookName(host: string): Promise<NameCheck> {
  const [v4, v6] = await Promise.all([lookup(host, A), lookup(host, AAAA)]);
  if (v4 === null || v6 === null) return "unknown";
  if (v4.length + v6.length === 0) return "unresolved";
  return v4.every(isPublicIpv4) && v6.every(isPublicIpv6) ? "public" : "internal";
}
