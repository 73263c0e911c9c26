import { drainDeliveries } from "./alerts.ts";
import { linkedWebYoung } from "./staff.ts";
import { onboard, send } from "./webchat.ts";

/**
 * A web chat user linked to a référent who has used everything that leaves data behind: a
 * profile, a step done, a message to the référent, a crisis, a question nobody answered, and
 * the alerts' deliveries. The privacy tests (export, deletion) start from it.
 */
export async function youngWithHistory(referentCookie: string) {
  const young = await linkedWebYoung(referentCookie);
  await onboard(young.token, { year: 2008, month: "03", status: "ase", dept: "44" });
  await send(young.token, { action: "roadmap:done:cjm-request" });
  await send(young.token, { action: "contact" });
  await send(young.token, { text: "Pouvez-vous m'appeler demain ?" });
  await send(young.token, { text: "je veux mourir" });
  await send(young.token, { text: "un endroit pour nager ce soir" });
  await drainDeliveries();
  return young;
}
