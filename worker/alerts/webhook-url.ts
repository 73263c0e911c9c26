/**
 * Which addresses a team webhook may have (issue 22, finding 15): https on the default port
 * to a public DNS name. Refused: other schemes and ports, credentials in the URL, IP
 * literals in any spelling (the URL parser turns 2130706433 or 0x7f.1 into 127.0.0.1),
 * single-label names and names under suffixes that only exist inside a network. Checked
 * when an admin saves the address and again before every delivery (addresses stored
 * before this rule, the env's default webhook); deliveries never follow redirects.
 */

const INTERNAL_SUFFIXES = [
  "localhost",
  "localdomain",
  "local",
  "internal",
  "intranet",
  "lan",
  "home",
  "corp",
  "private",
  "home.arpa",
  "arpa",
  "onion",
  "invalid",
];

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
/** A DNS name: labels of letters, digits and inner hyphens, a last label that is not all digits. */
const DNS_NAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+(?=[a-z0-9-]*[a-z])[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Why this address cannot be a webhook, or null when it can. */
export function webhookAddressProblem(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return "not a URL";
  }
  if (url.protocol !== "https:") return "not https";
  // The parser drops ":443" for https: any port left is another one.
  if (url.port !== "") return "not port 443";
  if (url.username || url.password) return "credentials in the URL";
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (host.startsWith("[") || IPV4.test(host)) return "an IP address";
  if (!DNS_NAME.test(host)) return "not a public DNS name";
  if (INTERNAL_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) return "an internal name";
  return null;
}

export function isAllowedWebhookAddress(address: string): boolean {
  return webhookAddressProblem(address) === null;
}
