import { configOf } from "../config.ts";
import { database } from "../store/db.ts";
import { exportYoungPerson } from "../store/export.ts";
import type { WhatsAppSender } from "./client.ts";

/**
 * "Mes données" → the file of everything stored (worker/store/export.ts), as a WhatsApp
 * document. WhatsApp takes no JSON documents: the JSON goes as a .txt file, which every phone
 * opens. Never logged; Meta keeps uploaded media for a few weeks (PRIVACY.md, sub-processors).
 */
export async function sendWhatsAppExport(env: Env, api: WhatsAppSender, to: string, youngId: string): Promise<boolean> {
  const data = await exportYoungPerson(database(env.DB), youngId);
  if (!configOf(env).whatsapp || !data) return false;
  try {
    const id = await api.upload({
      name: "passerelle-mes-donnees.txt",
      type: "text/plain",
      content: JSON.stringify(data, null, 2),
    });
    await api.send(to, {
      type: "document",
      document: { id, filename: "passerelle-mes-donnees.txt", caption: "📄 Passerelle" },
    });
    return true;
  } catch (error) {
    console.error("whatsapp export not sent", error instanceof Error ? error.name : "error");
    return false;
  }
}
