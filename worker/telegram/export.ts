import { configOf } from "../config.ts";
import { database } from "../store/db.ts";
import { exportYoungPerson } from "../store/export.ts";
import { telegramClient } from "./client.ts";

/**
 * "Mes données" → the file of everything stored (worker/store/export.ts), as a Telegram document;
 * never logged. False when it was not sent (the young person is told: bot/flows/data.ts exportNotSent).
 */
export async function sendExport(env: Env, chatId: string, youngId: string): Promise<boolean> {
  const telegram = configOf(env).telegram;
  const data = await exportYoungPerson(database(env.DB), youngId);
  if (!telegram || !data) return false;
  try {
    await telegramClient(telegram).sendDocument(
      chatId,
      { name: "passerelle-mes-donnees.json", type: "application/json", content: JSON.stringify(data, null, 2) },
      "📄 Passerelle",
    );
    return true;
  } catch (error) {
    console.error("export document not sent", error instanceof Error ? error.name : "error");
    return false;
  }
}
