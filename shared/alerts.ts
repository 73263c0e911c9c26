/** What an alert to a référent is about, and how urgent (stored in `alerts`, shared/db/schema.ts). */
export const ALERT_KINDS = ["help", "crisis", "deadline", "escalation"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const SEVERITIES = ["normal", "high", "severe"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The alerts a young person raises in a conversation (the cron raises the others). */
export type YoungAlertKind = Extract<AlertKind, "help" | "crisis">;
