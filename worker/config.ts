import * as z from "zod/mini";
import { lazy } from "../shared/lazy.ts";
import { localeSchema } from "../shared/locales.ts";
import { DEFAULT_ALERTS_PER_HOUR } from "../bot/flows/contact.ts";
import { isAllowedWebhookAddress } from "./alerts/webhook-url.ts";

/**
 * Every var and secret of the three Workers, read by this one schema once per isolate (`[vars]` in
 * wrangler.toml, secrets by `wrangler secret put`, `.dev.vars` locally). Unset or blank means
 * "not configured" and turns its channel off; a value that is set but wrong, or half of a
 * pair, throws a `ConfigError` at the first request, naming the setting (never its value):
 * a typo must not silently switch the référents' webhook off.
 */
const settingsSchema = lazy(() => {
  const text = () => z.optional(z.string());
  const email = (what: string) => z.optional(z.email(`${what}: expected an e-mail address`));
  return z.object({
    TELEGRAM_BOT_TOKEN: z.optional(
      z
        .string()
        .check(
          z.regex(/^\d+:[A-Za-z0-9_-]+$/, "TELEGRAM_BOT_TOKEN: expected <digits>:<letters> as @BotFather gives it"),
        ),
    ),
    TELEGRAM_WEBHOOK_SECRET: z.optional(
      z.string().check(z.regex(/^[A-Za-z0-9_-]{8,256}$/, "TELEGRAM_WEBHOOK_SECRET: 8-256 of A-Z a-z 0-9 _ -")),
    ),
    TELEGRAM_API_ROOT: z._default(
      z.url({ protocol: /^https?$/, message: "TELEGRAM_API_ROOT: expected an http(s):// URL" }),
      "https://api.telegram.org",
    ),
    TELEGRAM_BOT_USERNAME: z._default(
      z.string().check(z.regex(/^[A-Za-z0-9_]{3,64}$/, "TELEGRAM_BOT_USERNAME: a Telegram username, without @")),
      "passerelle_bot",
    ),
    CRISIS_AUTO_ALERT: z._default(z.enum(["true", "false"], "CRISIS_AUTO_ALERT: expected true or false"), "true"),
    PUBLIC_URL: z._default(
      z.url({ protocol: /^https?$/, message: "PUBLIC_URL: expected an http(s):// URL" }),
      "http://localhost:8787",
    ),
    // The default team's webhook follows the teams' rule (worker/alerts/webhook-url.ts).
    ALERT_WEBHOOK_URL: z.optional(
      z
        .url({ protocol: /^https?$/, message: "ALERT_WEBHOOK_URL: expected an http(s):// URL" })
        .check(
          z.refine(
            isAllowedWebhookAddress,
            "ALERT_WEBHOOK_URL: expected https on port 443 to a public name (no IP address, no internal name)",
          ),
        ),
    ),
    ALERT_WEBHOOK_SECRET: z.optional(z.string().check(z.minLength(16, "ALERT_WEBHOOK_SECRET: at least 16 characters"))),
    ALERT_EMAIL_FROM: email("ALERT_EMAIL_FROM"),
    ESCALATION_DELAY_MINUTES: z.optional(
      z.string().check(z.regex(/^[1-9]\d{0,4}$/, "ESCALATION_DELAY_MINUTES: a whole number of minutes, 1 or more")),
    ),
    BACKUP_TELEGRAM_CHAT_ID: z.optional(
      z.string().check(z.regex(/^-?\d{1,20}$/, "BACKUP_TELEGRAM_CHAT_ID: a numeric Telegram chat id")),
    ),
    BACKUP_EMAIL: email("BACKUP_EMAIL"),
    CF_ACCESS_TEAM_DOMAIN: z.optional(
      z
        .string()
        .check(
          z.regex(/^https:\/\/[a-z0-9.-]+\/?$/i, "CF_ACCESS_TEAM_DOMAIN: expected https://<team>.cloudflareaccess.com"),
        ),
    ),
    CF_ACCESS_AUD: text(),
    ALERTS_PER_PERSON_PER_HOUR: z.optional(
      z.string().check(z.regex(/^[1-9]\d{0,2}$/, "ALERTS_PER_PERSON_PER_HOUR: a whole number, 1 or more")),
    ),
    ...(Object.fromEntries(
      RETENTION_NAMES.map((name) => [
        name,
        z.optional(z.string().check(z.regex(/^[1-9]\d{0,4}$/, `${name}: a whole number, 1 or more`))),
      ]),
    ) as Record<RetentionName, z.ZodMiniOptional<z.ZodMiniString>>),
    WHATSAPP_VERIFY_TOKEN: z.optional(z.string().check(z.minLength(8, "WHATSAPP_VERIFY_TOKEN: at least 8 characters"))),
    WHATSAPP_APP_SECRET: z.optional(
      z
        .string()
        .check(z.regex(/^[A-Za-z0-9]{16,128}$/, "WHATSAPP_APP_SECRET: the Meta app secret (letters and digits)")),
    ),
    WHATSAPP_ACCESS_TOKEN: z.optional(
      z.string().check(z.regex(/^[A-Za-z0-9_-]{16,1024}$/, "WHATSAPP_ACCESS_TOKEN: a Graph API access token")),
    ),
    WHATSAPP_PHONE_NUMBER_ID: z.optional(
      z.string().check(z.regex(/^\d{5,30}$/, "WHATSAPP_PHONE_NUMBER_ID: the numeric phone number id from Meta")),
    ),
    WHATSAPP_API_ROOT: z._default(
      z.url({ protocol: /^https?$/, message: "WHATSAPP_API_ROOT: expected an http(s):// URL" }),
      "https://graph.facebook.com/v23.0",
    ),
    WHATSAPP_TEMPLATES: z.optional(z.string()),
    VAPID_PUBLIC_KEY: z.optional(
      z
        .string()
        .check(
          z.regex(
            /^B[A-Za-z0-9_-]{86}$/,
            "VAPID_PUBLIC_KEY: an uncompressed P-256 public key, base64url (87 characters)",
          ),
        ),
    ),
    VAPID_PRIVATE_KEY: z.optional(
      z
        .string()
        .check(z.regex(/^[A-Za-z0-9_-]{43}$/, "VAPID_PRIVATE_KEY: a P-256 private key, base64url (43 characters)")),
    ),
    VAPID_SUBJECT: z.optional(
      z.string().check(z.regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, "VAPID_SUBJECT: a mailto: or https: contact")),
    ),
  });
});

/**
 * Privacy settings, each with its default (PRIVACY.md lists them for a DPO): how long each kind
 * of data is kept, in days unless the name says otherwise, and the k of "questions seen from at
 * least k distinct people". Read by worker/retention.ts, the web chat and the turn.
 */
export const RETENTION_DEFAULTS = {
  /** A young person silent this long is deleted (after a warning on Telegram). */
  PROFILE_RETENTION_DAYS: 365,
  /** That warning goes this many days before. */
  PURGE_WARNING_DAYS: 14,
  /** A web chat token unused this long stops working (and a web-only profile is deleted). */
  WEB_SESSION_IDLE_DAYS: 30,
  /** Telegram update ids already answered (so a retry is not answered twice). */
  TELEGRAM_UPDATE_IDS_DAYS: 7,
  /** Alerts to référents (and their deliveries), once delivered or failed for good. */
  ALERT_RETENTION_DAYS: 180,
  /** Who did what in the staff pages. */
  AUDIT_LOG_RETENTION_DAYS: 365,
  /** Staff sign-in sessions, after they expired. */
  STAFF_SESSION_RETENTION_DAYS: 7,
  /** One-time link codes (used or not), after they expired (a code is used before it expires). */
  LINK_CODE_RETENTION_DAYS: 7,
  /** Unanswered questions, after they were last asked. */
  UNANSWERED_RETENTION_DAYS: 90,
  /** Distinct people who must ask the same (scrubbed) question before editors see it. */
  UNANSWERED_MIN_PEOPLE: 3,
} as const;
type RetentionName = keyof typeof RETENTION_DEFAULTS;
const RETENTION_NAMES = Object.keys(RETENTION_DEFAULTS) as RetentionName[];

/** The names the schema reads: only these are taken from the environment. */
const SETTINGS = [
  "TELEGRAM_BOT_TOKEN",
  "TELEGRAM_WEBHOOK_SECRET",
  "TELEGRAM_API_ROOT",
  "TELEGRAM_BOT_USERNAME",
  "CRISIS_AUTO_ALERT",
  "PUBLIC_URL",
  "ALERT_WEBHOOK_URL",
  "ALERT_WEBHOOK_SECRET",
  "ALERT_EMAIL_FROM",
  "ESCALATION_DELAY_MINUTES",
  "BACKUP_TELEGRAM_CHAT_ID",
  "BACKUP_EMAIL",
  "CF_ACCESS_TEAM_DOMAIN",
  "CF_ACCESS_AUD",
  "ALERTS_PER_PERSON_PER_HOUR",
  ...RETENTION_NAMES,
  "ALERTS_PER_PERSON_PER_HOUR",
  "WHATSAPP_VERIFY_TOKEN",
  "WHATSAPP_APP_SECRET",
  "WHATSAPP_ACCESS_TOKEN",
  "WHATSAPP_PHONE_NUMBER_ID",
  "WHATSAPP_API_ROOT",
  "WHATSAPP_TEMPLATES",
  "VAPID_PUBLIC_KEY",
  "VAPID_PRIVATE_KEY",
  "VAPID_SUBJECT",
] as const satisfies readonly (keyof z.infer<ReturnType<typeof settingsSchema>>)[];

/** Settings that only work together: one without the other is a mistake, not "off". */
const PAIRS = [
  ["TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET"],
  ["ALERT_WEBHOOK_URL", "ALERT_WEBHOOK_SECRET"],
  ["CF_ACCESS_TEAM_DOMAIN", "CF_ACCESS_AUD"],
  ["WHATSAPP_VERIFY_TOKEN", "WHATSAPP_APP_SECRET"],
  ["WHATSAPP_APP_SECRET", "WHATSAPP_ACCESS_TOKEN"],
  ["WHATSAPP_ACCESS_TOKEN", "WHATSAPP_PHONE_NUMBER_ID"],
  ["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY"],
  ["VAPID_PRIVATE_KEY", "VAPID_SUBJECT"],
] as const;

/** The `send_email` binding's one method this code calls. */
export type EmailBinding = { send(message: unknown): Promise<unknown> };

/** A setting is set but wrong; the message names settings, never their values (some are secrets). */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const DEFAULT_ESCALATION_MINUTES = 60;

function configFrom(env: Env) {
  const vars = env as unknown as Record<string, unknown>;
  // `[vars]` may hold numbers or booleans (TOML); blank means unset.
  const given: Record<string, string> = {};
  for (const name of SETTINGS) {
    const value = vars[name];
    if (value === undefined || value === null) continue;
    const trimmed = String(value).trim();
    if (trimmed !== "") given[name] = trimmed;
  }
  const parsed = settingsSchema().safeParse(given);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  for (const [a, b] of PAIRS) {
    if (a in given !== b in given) problems.push(`${a} and ${b} go together: ${a in given ? b : a} is missing`);
  }
  const binding = vars.SEND_EMAIL as Partial<EmailBinding> | undefined;
  const emailBinding = binding && typeof binding.send === "function" ? (binding as EmailBinding) : null;
  if (given.ALERT_EMAIL_FROM && !emailBinding)
    problems.push("ALERT_EMAIL_FROM needs the SEND_EMAIL send_email binding");
  if (given.BACKUP_EMAIL && !given.ALERT_EMAIL_FROM)
    problems.push("BACKUP_EMAIL needs ALERT_EMAIL_FROM (and the SEND_EMAIL binding)");
  const templates = parsed.success ? whatsappTemplates(parsed.data.WHATSAPP_TEMPLATES, problems) : null;
  if (!parsed.success || problems.length > 0 || !templates)
    throw new ConfigError(`invalid configuration: ${problems.join("; ")}`);

  const v = parsed.data;
  const publicUrl = v.PUBLIC_URL.replace(/\/$/, "");
  return {
    telegram:
      v.TELEGRAM_BOT_TOKEN && v.TELEGRAM_WEBHOOK_SECRET
        ? {
            token: v.TELEGRAM_BOT_TOKEN,
            secret: v.TELEGRAM_WEBHOOK_SECRET,
            apiRoot: v.TELEGRAM_API_ROOT.replace(/\/$/, ""),
            username: v.TELEGRAM_BOT_USERNAME,
          }
        : null,
    crisisAutoAlert: v.CRISIS_AUTO_ALERT === "true",
    /** Help and crisis alerts one young person may raise in an hour (bot/flows/contact.ts). */
    alertsPerHour: Number(v.ALERTS_PER_PERSON_PER_HOUR ?? DEFAULT_ALERTS_PER_HOUR),
    publicUrl,
    /** Alert deliveries to référents (worker/alerts/); each channel null when not configured. */
    alerts: {
      /** The default team's webhook (teams set their own on /admin/teams; see alerts/dispatch.ts). */
      webhook:
        v.ALERT_WEBHOOK_URL && v.ALERT_WEBHOOK_SECRET
          ? { url: v.ALERT_WEBHOOK_URL, secret: v.ALERT_WEBHOOK_SECRET }
          : null,
      email: v.ALERT_EMAIL_FROM && emailBinding ? { from: v.ALERT_EMAIL_FROM, binding: emailBinding } : null,
      /** An unacknowledged crisis alert escalates after this. */
      escalationDelayMs: Number(v.ESCALATION_DELAY_MINUTES ?? DEFAULT_ESCALATION_MINUTES) * 60 * 1000,
      /** The fallback backup contact for escalations. */
      backup: { telegramChatId: v.BACKUP_TELEGRAM_CHAT_ID ?? null, email: v.BACKUP_EMAIL ?? null },
      publicUrl,
    },
    /** Privacy settings (RETENTION_DEFAULTS), each set or its default. */
    retention: Object.fromEntries(
      RETENTION_NAMES.map((name) => [name, Number(v[name] ?? RETENTION_DEFAULTS[name])]),
    ) as Record<RetentionName, number>,
    /** Cloudflare Access in front of the staff pages (worker/auth/access.ts). */
    access:
      v.CF_ACCESS_TEAM_DOMAIN && v.CF_ACCESS_AUD
        ? { team: v.CF_ACCESS_TEAM_DOMAIN.replace(/\/$/, ""), aud: v.CF_ACCESS_AUD }
        : null,
    /** WhatsApp Cloud API (worker/whatsapp/); null, and /whatsapp/webhook answers 404, when not configured. */
    whatsapp:
      v.WHATSAPP_VERIFY_TOKEN && v.WHATSAPP_APP_SECRET && v.WHATSAPP_ACCESS_TOKEN && v.WHATSAPP_PHONE_NUMBER_ID
        ? {
            verifyToken: v.WHATSAPP_VERIFY_TOKEN,
            appSecret: v.WHATSAPP_APP_SECRET,
            token: v.WHATSAPP_ACCESS_TOKEN,
            phoneNumberId: v.WHATSAPP_PHONE_NUMBER_ID,
            apiRoot: v.WHATSAPP_API_ROOT.replace(/\/$/, ""),
            templates,
          }
        : null,
    /** Web Push for the web chat (worker/push/); null, and no opt-in offered, when not configured. */
    webPush:
      v.VAPID_PUBLIC_KEY && v.VAPID_PRIVATE_KEY && v.VAPID_SUBJECT
        ? { publicKey: v.VAPID_PUBLIC_KEY, privateKey: v.VAPID_PRIVATE_KEY, subject: v.VAPID_SUBJECT }
        : null,
  };
}

/**
 * The template messages sent outside WhatsApp's 24-hour window, as Meta approved them: a name
 * and the language code of each approved translation. `WHATSAPP_TEMPLATES` (JSON) overrides
 * these defaults; a locale without an approved translation gets the French one.
 */
export const DEFAULT_WHATSAPP_TEMPLATES: WhatsAppTemplates = {
  /** Body: "Passerelle : {{1}}. Réponds à ce message pour voir ton parcours." */
  reminder: { name: "passerelle_rappel", languages: { fr: "fr" } },
  /** Body: "Passerelle : ton ou ta référent·e a vu ton message. Réponds pour continuer." */
  alertSeen: { name: "passerelle_referent_vu", languages: { fr: "fr" } },
  /** Body: "Passerelle : nous n'avons pas pu t'envoyer la réponse. Réponds à ce message pour la recevoir." */
  replyWaiting: { name: "passerelle_reponse_en_attente", languages: { fr: "fr" } },
  /** Body: "Passerelle : sans nouvelles de toi, ton profil sera effacé dans {{1}} jours. Réponds à ce message pour le garder." */
  inactivity: { name: "passerelle_inactivite", languages: { fr: "fr" } },
};

const templateSchema = lazy(() =>
  z.strictObject({
    name: z
      .string()
      .check(z.regex(/^[a-z0-9_]{1,512}$/, "WHATSAPP_TEMPLATES: template names are lower case, digits and _")),
    languages: z.partialRecord(
      localeSchema,
      z.string().check(z.regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, "WHATSAPP_TEMPLATES: language codes look like fr or pt_BR")),
    ),
  }),
);
const templatesSchema = lazy(() =>
  z.strictObject({
    reminder: templateSchema(),
    alertSeen: templateSchema(),
    replyWaiting: templateSchema(),
    inactivity: templateSchema(),
  }),
);
export type WhatsAppTemplate = z.infer<ReturnType<typeof templateSchema>>;
export type WhatsAppTemplates = z.infer<ReturnType<typeof templatesSchema>>;

function whatsappTemplates(json: string | undefined, problems: string[]): WhatsAppTemplates | null {
  if (json === undefined) return DEFAULT_WHATSAPP_TEMPLATES;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    problems.push("WHATSAPP_TEMPLATES: expected JSON");
    return null;
  }
  const parsed = templatesSchema().safeParse({ ...DEFAULT_WHATSAPP_TEMPLATES, ...(value as object) });
  if (!parsed.success)
    problems.push(
      ...parsed.error.issues.map((i) =>
        i.message.startsWith("WHATSAPP_TEMPLATES") ? i.message : `WHATSAPP_TEMPLATES: ${i.message}`,
      ),
    );
  return parsed.success ? parsed.data : null;
}

export type Config = ReturnType<typeof configFrom>;

const cache = new WeakMap<object, Config>();

/** The settings of this env, validated on first use and kept with it; throws `ConfigError`. */
export function configOf(env: Env): Config {
  let config = cache.get(env);
  if (!config) {
    config = configFrom(env);
    cache.set(env, config);
  }
  return config;
}
