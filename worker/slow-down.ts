import type { Reply } from "../bot/types.ts";
import { t } from "../shared/i18n/index.ts";
import { toLocale } from "../shared/locales.ts";
import { keptPerson } from "./turn/person-cache.ts";

/**
 * What a person who writes too fast is told, in their language when this isolate knows it
 * (no D1 read for a refused request), French otherwise.
 */
export function slowDownReply(personKey?: string): Reply {
  return { text: t(toLocale(personKey ? keptPerson(personKey)?.person.locale : undefined), "slowDown") };
}
