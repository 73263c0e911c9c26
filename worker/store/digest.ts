import { and, inArray, isNotNull, isNull } from "drizzle-orm";
import { staff } from "../../shared/db/schema.ts";
import type { Db } from "./db.ts";

/** Editors and admins who linked a Telegram chat and are not disabled: the review digest's readers. */
export async function editorsWithTelegram(db: Db): Promise<{ id: string; chatId: string }[]> {
  const rows = await db
    .select({ id: staff.id, chatId: staff.telegramChatId })
    .from(staff)
    .where(and(inArray(staff.role, ["editor", "admin"]), isNotNull(staff.telegramChatId), isNull(staff.disabledAt)));
  return rows.filter((r): r is { id: string; chatId: string } => r.chatId !== null);
}
