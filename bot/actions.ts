import * as z from "zod/mini";
import { lazy } from "../shared/lazy.ts";
import { LOCALES } from "../shared/locales.ts";
import { STATUSES } from "../shared/profile.ts";
import { CRISIS_CATEGORIES } from "./safety/crisis.ts";

/**
 * Every action a button may carry, as a closed grammar: `name[:arg[:arg]]`, each argument an
 * enum or an id of the content's shape (which the flows then look up in the content). A
 * button's action comes back from the client, so it is untrusted input: anything outside this
 * grammar is answered as a stale button, never interpreted.
 */

/** The crisis categories an alert button may carry: the detector's own (bot/safety/crisis.ts). */
export { CRISIS_CATEGORIES };

/** The grammar whole: parseAction checks a button against its first word's options only (byName). */
export const actionGrammar = lazy(() => {
  const word = <const W extends string>(w: W) => z.literal(w);
  const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/));
  const one = <const W extends string>(w: W) => z.tuple([word(w)]);
  return z.union([
    one("menu"),
    one("back"),
    one("data"),
    one("profile"),
    one("skip"),
    one("contact"),
    one("link"),
    one("delete"),
    one("lang"),
    one("roadmap"),
    one("letter"),
    z.tuple([word("letter"), id]),
    z.tuple([word("letter"), id, word("blank")]),
    z.tuple([word("contact"), word("send")]),
    z.tuple([word("link"), z.enum(["unlink", "unlink_yes"])]),
    z.tuple([word("delete"), word("yes")]),
    z.tuple([word("data"), word("export")]),
    z.tuple([word("lang"), z.enum(LOCALES)]),
    z.tuple([word("privacy"), z.enum(["accept", "skip"])]),
    z.tuple([word("year"), z.string().check(z.regex(/^(19|20)\d{2}$/))]),
    z.tuple([word("month"), z.string().check(z.regex(/^(0[1-9]|1[0-2])$/))]),
    z.tuple([word("status"), z.enum(STATUSES)]),
    z.tuple([word("dept"), z.enum(["44", "49", "other"])]),
    z.tuple([z.enum(["topic", "step", "faq"]), id]),
    z.tuple([word("alert"), z.enum(CRISIS_CATEGORIES)]),
    z.tuple([word("miss"), z.enum(["topic", "step", "faq"]), id]),
    z.tuple([word("roadmap"), word("page"), z.string().check(z.regex(/^\d{1,3}$/))]),
    z.tuple([word("roadmap"), z.enum(["open", "done", "skip", "undo"]), id]),
    z.tuple([word("roadmap"), word("remind"), z.enum(["on", "off"])]),
  ]);
});

export type Action = z.infer<ReturnType<typeof actionGrammar>>;

/** What the grammar's options start with: a word (`z.literal`) or one of a few (`z.enum`). */
type FirstPart = { _zod: { def: { type: string; values?: unknown[]; entries?: Record<string, unknown> } } };

/**
 * The grammar's options by an action's first word, each word's own few as a union: a button is
 * checked against the options that can match it, not tried against all twenty-odd (each a
 * tuple parse: 20–50 µs a button, the most of the engine's zod on a tap), with the same verdict.
 */
const byName = lazy(() => {
  type Option = ReturnType<typeof actionGrammar>["_zod"]["def"]["options"][number];
  const options = new Map<string, Option[]>();
  for (const option of actionGrammar()._zod.def.options) {
    const first = option._zod.def.items[0] as unknown as FirstPart;
    const names = first._zod.def.values ?? Object.values(first._zod.def.entries ?? {});
    for (const name of names) options.set(String(name), [...(options.get(String(name)) ?? []), option]);
  }
  return new Map([...options].map(([name, list]) => [name, z.union(list)]));
});

/** The action a button carried, or null when it is not one the engine ever offers. */
export function parseAction(raw: string): Action | null {
  if (raw.length > 64) return null;
  const parts = raw.split(":");
  const parsed = byName().get(parts[0]!)?.safeParse(parts);
  return parsed?.success ? (parsed.data as Action) : null;
}

/**
 * Actions that raise an alert, delete data, unlink the référent or record a question for the
 * editors ("ce n'est pas ma question": a forged one would fill their list): accepted only when the
 * engine offered that very button to this person (bot/offers.ts), never because a client sent
 * a well-formed string.
 */
export function isSensitive(raw: string): boolean {
  return (
    raw.startsWith("alert:") ||
    raw.startsWith("miss:") ||
    raw === "contact:send" ||
    raw === "delete:yes" ||
    raw === "link:unlink_yes"
  );
}
