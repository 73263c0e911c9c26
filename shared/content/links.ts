import * as z from "zod/mini";
import { lazy } from "../lazy.ts";
import type { RoadmapRules } from "../roadmap/rules.ts";
import { CONTENT_KINDS, itemsOf, type ContentBundle } from "./model.ts";

/** Every http(s) link the content shows or cites (resource links, sources), with where it is used. */
export function contentLinks(bundle: ContentBundle, rules: RoadmapRules): Map<string, string[]> {
  const links = new Map<string, string[]>();
  const add = (url: string | undefined, where: string) => {
    if (!url || !/^https?:\/\//.test(url)) return;
    links.set(url, [...(links.get(url) ?? []), where]);
  };
  for (const kind of CONTENT_KINDS) {
    for (const item of itemsOf(bundle, kind) as { id: string; url?: string; sources: { url?: string }[] }[]) {
      add(item.url, `${kind}:${item.id}`);
      for (const source of item.sources) add(source.url, `${kind}:${item.id}`);
    }
  }
  for (const rule of rules.steps) for (const source of rule.sources) add(source.url, `rule:${rule.id}`);
  return links;
}

/** What the link checker (worker/links.ts) found for one link. */
export const linkCheckSchema = lazy(() =>
  z.object({
    status: z.nullable(z.number()),
    /** "ok" (2xx), "moved" (3xx, `location`), "broken" (4xx/5xx), "timeout", "unreachable". */
    result: z.enum(["ok", "moved", "broken", "timeout", "unreachable"]),
    location: z.optional(z.string()),
    checkedAt: z.number(),
  }),
);
export type LinkCheck = z.infer<ReturnType<typeof linkCheckSchema>>;
