import { callWorker } from "./call.ts";
import type { Reply } from "../../shared/api.ts";

/** Drives the public web chat API exactly as the page (or any client) does. */

export type ChatResponse = { replies: Reply[]; locale: string; dir: string; ended?: boolean };

export async function openSession(body: unknown = {}): Promise<{ token: string; sessionId: string } & ChatResponse> {
  const res = await callWorker(
    new Request("https://passerelle.test/api/chat/session", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  if (res.status !== 201) throw new Error(`session: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

export function sendRaw(token: string | null, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return callWorker(
    new Request("https://passerelle.test/api/chat/message", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body,
    }),
  );
}

export async function send(token: string, body: { text: string } | { action: string }): Promise<ChatResponse> {
  const res = await sendRaw(token, JSON.stringify(body));
  if (res.status !== 200) throw new Error(`message: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

export function actions(response: ChatResponse): string[] {
  return response.replies.flatMap((r) => (r.buttons ?? []).map((b) => b.action));
}

/** Who a test user says they are during onboarding (the choices the buttons offer). */
export type Onboarding = { locale?: string; year: number; month: string; status: string; dept: string };

/** The button presses of onboarding, in order: language, consent, birth year and month, status, département. */
export function onboardingActions({ locale = "fr", year, month, status, dept }: Onboarding): string[] {
  return [`lang:${locale}`, "privacy:accept", `year:${year}`, `month:${month}`, `status:${status}`, `dept:${dept}`];
}

/** Goes through onboarding as a user tapping the buttons; returns the last answer (the menu). */
export async function onboard(token: string, who: Onboarding): Promise<ChatResponse> {
  let last: ChatResponse | undefined;
  for (const action of onboardingActions(who)) last = await send(token, { action });
  return last!;
}
