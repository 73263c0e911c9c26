import { Hono, type Context } from "hono";
import * as z from "zod/mini";
import { csrfToken, type StaffEnv } from "../auth/index.ts";
import { handle } from "../../bot/engine.ts";
import { conversationStateSchema, type ConversationState } from "../../bot/state.ts";
import type { Input } from "../../bot/types.ts";
import type { Reply } from "../../shared/api.ts";
import { lazy } from "../../shared/lazy.ts";
import { isRtl, LOCALES, LOCALE_NAMES, toLocale } from "../../shared/locales.ts";
import { AdminPage, Csrf } from "../pages/admin/content.tsx";
import { database } from "../store/db.ts";
import { loadDrafts } from "../store/content.ts";
import { newState } from "../store/turns.ts";
import { letterOfTurn } from "../letters/make.ts";

/**
 * The draft preview: the real engine on the DRAFT content, in a form-based chat. The fake young
 * person's state lives only in a hidden field, signed with a key derived from the staff session
 * (tampering or another session's state just starts over). Nothing is stored, effects are ignored.
 */
export const previewRoutes = new Hono<StaffEnv>();

const entrySchema = () =>
  z.object({
    who: z.enum(["me", "bot"]),
    text: z.string(),
    buttons: z.optional(z.array(z.object({ label: z.string(), action: z.string() }))),
  });
const payloadSchema = lazy(() => z.object({ state: conversationStateSchema(), log: z.array(entrySchema()) }));
type Payload = z.infer<ReturnType<typeof payloadSchema>>;
type Entry = z.infer<ReturnType<typeof entrySchema>>;
const MAX_LOG = 16;
/** `?item=step:<id>` (or topic:, faq:): the preview opens on that item, as a young person past the welcome would see it. */
const ITEM = /^(topic|step|faq):([a-z0-9][a-z0-9-]{0,62})$/;

async function hmac(c: Context<StaffEnv>, data: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(`preview-state:${csrfToken(c)}`),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(data)));
  return btoa(String.fromCharCode(...mac))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function encode(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

function decode(b64: string): string {
  return new TextDecoder().decode(Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0)));
}

async function sign(c: Context<StaffEnv>, payload: Payload): Promise<string> {
  const data = encode(JSON.stringify(payload));
  return `${data}.${await hmac(c, data)}`;
}

async function verify(c: Context<StaffEnv>, signed: string): Promise<Payload | null> {
  const [data, mac] = signed.split(".");
  if (!data || !mac || (await hmac(c, data)) !== mac) return null;
  try {
    const parsed = payloadSchema().safeParse(JSON.parse(decode(data)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function turn(c: Context<StaffEnv>, state: ConversationState, input: Input, log: Entry[]): Promise<Payload> {
  const drafts = await loadDrafts(database(c.env.DB));
  const content = { ...drafts, version: 0 };
  const result = handle(state, input, content, new Date(), { crisisAutoAlert: false });
  const replies: Entry[] = result.replies.map((r: Reply) => ({
    who: "bot" as const,
    text: r.text,
    ...(r.buttons ? { buttons: r.buttons } : {}),
  }));
  // A letter template in draft: the letter as the channel would hand it over (worker/letters).
  const letter = letterOfTurn(result.effects, content, result.state, new Date());
  if (letter) replies.unshift({ who: "bot", text: letter.text });
  // Deleting "my data" in the preview just starts a fresh fake conversation.
  const next = result.effects.some((e) => e.type === "deleteMyData") ? newState("preview", state.locale) : result.state;
  return { state: next, log: [...log, ...replies].slice(-MAX_LOG) };
}

/** The engine's replies when a young person past the welcome opens this item (draft content), or none. */
export async function itemReplies(c: Context<StaffEnv>, kind: string, id: string, locale: string): Promise<Reply[]> {
  if (!ITEM.test(`${kind}:${id}`)) return [];
  const drafts = await loadDrafts(database(c.env.DB));
  const state: ConversationState = {
    ...newState("preview", toLocale(locale)),
    cursor: { at: "menu" },
    consentAt: Date.now(),
  };
  return handle(state, { kind: "action", action: `${kind}:${id}` }, { ...drafts, version: 0 }, new Date(), {
    crisisAutoAlert: false,
  }).replies;
}

async function render(c: Context<StaffEnv>, payload: Payload, note?: string) {
  const signed = await sign(c, payload);
  const csrf = csrfToken(c);
  const lastButtons = [...payload.log].reverse().find((e) => e.who === "bot" && e.buttons?.length)?.buttons ?? [];
  const dir = isRtl(payload.state.locale) ? "rtl" : "ltr";
  return c.html(
    <AdminPage title="Aperçu du brouillon" staff={c.var.staff} csrf={csrf} notice={note}>
      <p class="muted">
        Le vrai moteur du chat, avec le contenu en brouillon (pas encore publié). Aucun jeune réel, rien n'est
        enregistré.
      </p>
      <form method="post" action="/admin/content/preview/start" class="actions">
        <Csrf csrf={csrf} />
        <label for="p-locale" class="tight">
          Langue
        </label>
        <select id="p-locale" name="locale" class="auto">
          {LOCALES.map((l) => (
            <option value={l} selected={l === payload.state.locale}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
        <button class="secondary" type="submit">
          Recommencer
        </button>
      </form>
      <section class="card" aria-label="Conversation" aria-live="polite" dir={dir}>
        {payload.log.map((e) => (
          <p class={e.who === "me" ? "ref" : "preview-bot"}>
            {e.who === "me" ? "→ " : ""}
            {e.text}
          </p>
        ))}
      </section>
      <form method="post" action="/admin/content/preview" class="card">
        <Csrf csrf={csrf} />
        <input type="hidden" name="state" value={signed} />
        {lastButtons.length ? (
          <div class="actions">
            {lastButtons.map((b) => (
              <button class="secondary" type="submit" name="action" value={b.action}>
                {b.label}
              </button>
            ))}
          </div>
        ) : null}
        <label for="p-text">Écrire comme un jeune</label>
        <input id="p-text" name="text" class="wide" maxlength={2000} autocomplete="off" />
        <div class="actions">
          <button type="submit">Envoyer</button>
        </div>
      </form>
    </AdminPage>,
  );
}

async function fresh(c: Context<StaffEnv>, locale: string | undefined) {
  return turn(c, newState("preview", toLocale(locale)), { kind: "start" }, []);
}

previewRoutes.get("/", async (c) => {
  const item = ITEM.exec(c.req.query("item") ?? "");
  if (!item) return render(c, await fresh(c, c.req.query("locale")));
  const state: ConversationState = {
    ...newState("preview", toLocale(c.req.query("locale"))),
    cursor: { at: "menu" },
    consentAt: Date.now(),
  };
  return render(
    c,
    await turn(c, state, { kind: "action", action: item[0] }, [{ who: "me", text: `(ouvre ${item[1]})` }]),
  );
});

previewRoutes.post("/start", async (c) => {
  const body = await c.req.parseBody();
  return render(c, await fresh(c, typeof body.locale === "string" ? body.locale : undefined));
});

previewRoutes.post("/", async (c) => {
  const body = await c.req.parseBody();
  const current = typeof body.state === "string" ? await verify(c, body.state) : null;
  if (!current) return render(c, await fresh(c, undefined), "Aperçu recommencé.");
  const action =
    typeof body.action === "string" && /^[a-z_]+(:[A-Za-z0-9_-]+)*$/.test(body.action) ? body.action : null;
  const text = typeof body.text === "string" ? body.text.trim().slice(0, 2000) : "";
  if (!action && !text) return render(c, current);
  const label = action
    ? (current.log.flatMap((e) => e.buttons ?? []).find((b) => b.action === action)?.label ?? action)
    : text;
  const input: Input = action ? { kind: "action", action } : { kind: "text", text };
  return render(c, await turn(c, current.state, input, [...current.log, { who: "me", text: label }]));
});
