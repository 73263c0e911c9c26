import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { identities, linkCodes, referentLinks, staff } from "../../shared/db/schema.ts";
import type { Db } from "./db.ts";

/**
 * One-time link codes (stored as SHA-256, single use, 48 h) and référent ↔ young person links.
 * A code is 8 characters without look-alikes (no 0/O, 1/I/L), shown as "ABCD-EFGH".
 */

export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 8;
export const CODE_TTL_MS = 48 * 60 * 60 * 1000;
export type CodePurpose = "young" | "telegram";

export function newCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(CODE_LENGTH * 2));
  let code = "";
  // Rejection sampling keeps every character equally likely.
  for (const b of bytes) {
    if (b < 248) code += CODE_ALPHABET[b % CODE_ALPHABET.length];
    if (code.length === CODE_LENGTH) break;
  }
  return code.length === CODE_LENGTH ? code : newCode();
}

export function displayCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What the person typed → canonical code, or null when it cannot be one. */
export function normalizeCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, "");
  return code.length === CODE_LENGTH && [...code].every((ch) => CODE_ALPHABET.includes(ch)) ? code : null;
}

async function codeHash(code: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`link:${code}`));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function createLinkCode(
  db: Db,
  staffId: string,
  purpose: CodePurpose,
  now: Date,
): Promise<{ code: string; expiresAt: number }> {
  const code = newCode();
  const expiresAt = now.getTime() + CODE_TTL_MS;
  await db
    .insert(linkCodes)
    .values({ codeHash: await codeHash(code), purpose, staffId, createdAt: now.getTime(), expiresAt });
  return { code, expiresAt };
}

/** The référent behind a usable code (right purpose, unused, unexpired, enabled account). */
export async function resolveCode(
  db: Db,
  code: string,
  purpose: CodePurpose,
  now: Date,
): Promise<{ staffId: string; name: string } | null> {
  const rows = await db
    .select({ staffId: staff.id, name: staff.name })
    .from(linkCodes)
    .innerJoin(staff, eq(staff.id, linkCodes.staffId))
    .where(
      and(
        eq(linkCodes.codeHash, await codeHash(code)),
        eq(linkCodes.purpose, purpose),
        isNull(linkCodes.usedAt),
        gt(linkCodes.expiresAt, now.getTime()),
        isNull(staff.disabledAt),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Statements that use a "young" code to link the référent to this young person, for the
 * turn's write batch: the link is inserted only while the code is still usable, then the
 * code is spent (the batch is one transaction).
 */
export async function useYoungCodeStatements(
  db: Db,
  code: string,
  youngId: string,
  at: number,
): Promise<BatchItem<"sqlite">[]> {
  const hash = await codeHash(code);
  return [
    db
      .insert(referentLinks)
      .select(
        db
          .select({
            staffId: linkCodes.staffId,
            youngId: sql<string>`${youngId}`.as("young_id"),
            createdAt: sql<number>`${at}`.as("created_at"),
            // A new link starts without the référent's nickname.
            nickname: sql<string | null>`null`.as("nickname"),
          })
          .from(linkCodes)
          .where(
            and(
              eq(linkCodes.codeHash, hash),
              eq(linkCodes.purpose, "young"),
              isNull(linkCodes.usedAt),
              gt(linkCodes.expiresAt, at),
            ),
          ),
      )
      .onConflictDoNothing(),
    db
      .update(linkCodes)
      .set({ usedAt: at })
      .where(
        and(
          eq(linkCodes.codeHash, hash),
          eq(linkCodes.purpose, "young"),
          isNull(linkCodes.usedAt),
          gt(linkCodes.expiresAt, at),
        ),
      ),
  ];
}

export function unlinkAllStatement(db: Db, youngId: string): BatchItem<"sqlite"> {
  return db.delete(referentLinks).where(eq(referentLinks.youngId, youngId));
}

/**
 * A référent links their own Telegram chat (to receive alerts there) with a "telegram" code.
 * One batch (one transaction): the code is spent, and only then is the chat taken from
 * whoever had it and given to the code's owner; a wrong, used, expired or disabled
 * account's code changes nothing (issue 22, finding 8: a typo used to unlink the chat).
 */
export async function useTelegramCode(
  db: Db,
  code: string,
  chatId: string,
  now: Date,
): Promise<{ name: string } | null> {
  const at = now.getTime();
  const hash = await codeHash(code);
  const usable = and(
    eq(linkCodes.codeHash, hash),
    eq(linkCodes.purpose, "telegram"),
    isNull(linkCodes.usedAt),
    gt(linkCodes.expiresAt, at),
  );
  const owner = db
    .select({ id: staff.id })
    .from(linkCodes)
    .innerJoin(staff, eq(staff.id, linkCodes.staffId))
    .where(and(usable, isNull(staff.disabledAt)));
  // Spent by this batch: the same code with used_at = at (single use, so no other spend has it).
  const spentOwner = db
    .select({ id: linkCodes.staffId })
    .from(linkCodes)
    .where(and(eq(linkCodes.codeHash, hash), eq(linkCodes.purpose, "telegram"), eq(linkCodes.usedAt, at)));
  const [, , linked] = await db.batch([
    // A chat belongs to one staff member at most: taken from its holder only for a usable code.
    db
      .update(staff)
      .set({ telegramChatId: null })
      .where(and(eq(staff.telegramChatId, chatId), sql`exists ${owner}`)),
    db
      .update(linkCodes)
      .set({ usedAt: at })
      .where(and(usable, sql`exists ${owner}`)),
    db
      .update(staff)
      .set({ telegramChatId: chatId })
      .where(and(inArray(staff.id, spentOwner), isNull(staff.disabledAt)))
      .returning({ name: staff.name }),
  ]);
  return linked[0] ?? null;
}

export async function unlinkStaffTelegram(db: Db, staffId: string): Promise<void> {
  await db.update(staff).set({ telegramChatId: null }).where(eq(staff.id, staffId));
}

/** Staff member whose own Telegram chat this is. */
export async function staffByTelegramChat(
  db: Db,
  chatId: string,
): Promise<{ id: string; name: string; role: string } | null> {
  const rows = await db
    .select({ id: staff.id, name: staff.name, role: staff.role })
    .from(staff)
    .where(and(eq(staff.telegramChatId, chatId), isNull(staff.disabledAt)))
    .limit(1);
  return rows[0] ?? null;
}

export async function isLinked(db: Db, staffId: string, youngId: string): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(referentLinks)
    .where(and(eq(referentLinks.staffId, staffId), eq(referentLinks.youngId, youngId)))
    .limit(1);
  return rows.length > 0;
}

export async function unlink(db: Db, staffId: string, youngId: string): Promise<boolean> {
  const rows = await db
    .delete(referentLinks)
    .where(and(eq(referentLinks.staffId, staffId), eq(referentLinks.youngId, youngId)))
    .returning({ y: referentLinks.youngId });
  return rows.length > 0;
}

/** The Telegram chat of a young person, when they use Telegram and did not block the bot. */
export async function youngTelegramChat(db: Db, youngId: string): Promise<string | null> {
  const rows = await db
    .select({ key: identities.key })
    .from(identities)
    .where(and(eq(identities.youngId, youngId), eq(identities.channel, "telegram"), isNull(identities.blockedAt)))
    .limit(1);
  return rows[0]?.key ?? null;
}

/** The WhatsApp number a young person can be written to (not marked unreachable), or null. */
export async function youngWhatsApp(db: Db, youngId: string): Promise<string | null> {
  const rows = await db
    .select({ key: identities.key })
    .from(identities)
    .where(and(eq(identities.youngId, youngId), eq(identities.channel, "whatsapp"), isNull(identities.blockedAt)))
    .limit(1);
  return rows[0]?.key ?? null;
}
