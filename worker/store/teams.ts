import { asc, eq, inArray } from "drizzle-orm";
import { staff, teams } from "../../shared/db/schema.ts";
import { rowsInChunks } from "./chunks.ts";
import type { Db } from "./db.ts";

/** SQL for teams of référents (where their alerts go) and staff membership. */

export type Team = typeof teams.$inferSelect;
export type TeamInput = {
  name: string;
  webhookUrl: string | null;
  webhookSecret: string | null;
  backupTelegramChatId: string | null;
  backupEmail: string | null;
};

export async function listTeams(db: Db): Promise<Team[]> {
  return db.select().from(teams).orderBy(asc(teams.name));
}

export async function teamById(db: Db, id: string): Promise<Team | null> {
  const rows = await db.select().from(teams).where(eq(teams.id, id)).limit(1);
  return rows[0] ?? null;
}

export function teamsByIds(db: Db, ids: string[]): Promise<Team[]> {
  return rowsInChunks(db, ids, (piece) => db.select().from(teams).where(inArray(teams.id, piece)));
}

export async function createTeam(db: Db, input: TeamInput, now: number): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(teams).values({ id, ...input, createdAt: now });
  return id;
}

/** Updates a team; `webhookSecret: undefined` keeps the stored secret. */
export async function updateTeam(
  db: Db,
  id: string,
  input: Omit<TeamInput, "webhookSecret"> & { webhookSecret?: string | null },
): Promise<boolean> {
  const rows = await db.update(teams).set(input).where(eq(teams.id, id)).returning({ id: teams.id });
  return rows.length > 0;
}

export async function setStaffTeam(db: Db, staffId: string, teamId: string | null): Promise<boolean> {
  const rows = await db.update(staff).set({ teamId }).where(eq(staff.id, staffId)).returning({ id: staff.id });
  return rows.length > 0;
}
