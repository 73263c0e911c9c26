import { and, eq, isNull, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import {
  alerts,
  contentSettings,
  eventCounts,
  identities,
  publications,
  telegramUpdates,
  youngPeople,
} from "../../shared/db/schema.ts";
import { ROADMAP_RULES_KEY } from "./content-settings.ts";
import { toLocale } from "../../shared/locales.ts";
import { profileFromColumns } from "../../shared/profile.ts";
import { parseCursor, parseOffers, START_CURSOR, type ConversationState } from "../../bot/state.ts";
import type { Effect } from "../../bot/types.ts";
import type { Db } from "./db.ts";
import { bind, prepareOnce, statementOf } from "./prepared.ts";
import { parseRoadmapColumns, roadmapColumns, roadmapWrites } from "./roadmap.ts";
import { youngNoticeStatement } from "./alerts.ts";
import { unlinkAllStatement, useYoungCodeStatements } from "./links.ts";
import { recordUnansweredStatements } from "./unanswered.ts";
import { eraseStatements, LINKS_AT, linksOfStatement, type EndedLink } from "./privacy.ts";
import { referentLinks, referentReplies, type Channel } from "../../shared/db/schema.ts";
import { shownRepliesStatement } from "./replies.ts";

/** SQL for one conversation turn: one read batch before the engine, one write batch after. */

export type Identity = { channel: Channel; key: string };

export type LoadedTurn = {
  state: ConversationState;
  /** What the read found about the person (null: a new one); see `PersonRow`. */
  person: PersonRow | null;
  isNew: boolean;
  /** True when this Telegram update was already taken in (a retry). */
  duplicate: boolean;
  contentVersion: number | null;
  /** When the roadmap rules were last published (null: the coded defaults apply). */
  rulesPublishedAt: number | null;
  /** The young person had blocked the bot: writing to them again means they came back. */
  wasBlocked: boolean;
};

/** The person behind an identity, with what the engine needs to know about them. */
const personQuery = prepareOnce((db) =>
  db
    .select({
      id: youngPeople.id,
      locale: youngPeople.locale,
      birth: youngPeople.birth,
      status: youngPeople.status,
      dept: youngPeople.dept,
      enteredCare: youngPeople.enteredCare,
      permitExpiry: youngPeople.permitExpiry,
      consentAt: youngPeople.consentAt,
      cursor: youngPeople.cursor,
      offers: youngPeople.offers,
      remindersOptOut: youngPeople.remindersOptOut,
      revision: youngPeople.revision,
      blockedAt: identities.blockedAt,
      openHelp: sql<number>`(select count(*) from ${alerts} where ${alerts.youngId} = ${youngPeople.id} and ${alerts.kind} = 'help' and ${alerts.acknowledgedAt} is null)`,
      hasReferent: sql<number>`exists (select 1 from ${referentLinks} where ${referentLinks.youngId} = ${youngPeople.id})`,
      ...roadmapColumns,
      alertsSeen: sql<number>`(select count(*) from ${alerts} where ${alerts.youngId} = ${youngPeople.id} and ${alerts.kind} in ('help', 'crisis') and ${alerts.acknowledgedAt} is not null and ${alerts.youngNotifiedAt} is null)`,
      /** Référents' replies waiting for this turn (worker/replies/): [{ id, name, text, at }]. */
      heldReplies: sql<string>`(select json_group_array(json_object('id', ${referentReplies.id}, 'name', ${referentReplies.staffName}, 'text', ${referentReplies.text}, 'at', ${referentReplies.createdAt})) from ${referentReplies} where ${referentReplies.youngId} = ${youngPeople.id} and ${referentReplies.status} = 'held')`,
      /** When their help and crisis alerts of the last hour were raised (the engine's cap per hour). */
      recentAlerts: sql<string>`(select json_group_array(${alerts.createdAt}) from ${alerts} where ${alerts.youngId} = ${youngPeople.id} and ${alerts.kind} in ('help', 'crisis') and ${alerts.createdAt} > ${sql.placeholder("since")})`,
    })
    .from(identities)
    .innerJoin(youngPeople, eq(youngPeople.id, identities.youngId))
    .where(and(eq(identities.channel, sql.placeholder("channel")), eq(identities.key, sql.placeholder("key"))))
    .limit(1)
    .prepare(),
);

/** Content version, rules version and the update-id check share one statement. */
const versionQuery = prepareOnce((db) =>
  db
    .select({
      version: sql<number | null>`max(${publications.version})`,
      rulesPublishedAt: sql<
        number | null
      >`(select ${contentSettings.publishedAt} from ${contentSettings} where ${contentSettings.key} = ${ROADMAP_RULES_KEY})`,
      seen: sql<number>`exists (select 1 from ${telegramUpdates} where ${telegramUpdates.updateId} = ${sql.placeholder("updateId")})`,
    })
    .from(publications)
    .prepare(),
);

/**
 * Everything a turn reads about a young person, as the read batch returns it (and the write
 * batch, when it reads the person back). An isolate may keep that row and run the person's next turn from it
 * without reading: `saveTurn`'s guard refuses the write if anything changed meanwhile.
 */
export type PersonRow = NonNullable<ReturnType<typeof personQuery>["__result"]>[number];

const HOUR = 60 * 60 * 1000;
const DEFAULT_UNANSWERED_MIN_PEOPLE = 3;

/** `locale` is the one asked for by a brand-new web session. */
export async function loadTurn(
  db: Db,
  identity: Identity,
  updateId?: number,
  locale?: string,
  now = new Date(),
): Promise<LoadedTurn> {
  const person = bind(db, personQuery(db), {
    channel: identity.channel,
    key: identity.key,
    since: now.getTime() - HOUR,
  });
  const version = bind(db, versionQuery(db), { updateId: updateId ?? -1 });
  const [personResult, versionResult] = await db.$client.batch([person.statement, version.statement]);
  const rows = person.map(personResult!);
  const versionRows = version.map(versionResult!);
  const row = rows[0];
  const contentVersion = versionRows[0]?.version ?? null;
  const rulesPublishedAt = versionRows[0]?.rulesPublishedAt ?? null;
  const duplicate = updateId !== undefined && Number(versionRows[0]?.seen ?? 0) > 0;
  if (!row)
    return {
      state: newState(crypto.randomUUID(), locale),
      person: null,
      isNew: true,
      duplicate,
      contentVersion,
      rulesPublishedAt,
      wasBlocked: false,
    };
  return {
    state: stateOf(row),
    person: row,
    isNew: false,
    duplicate,
    contentVersion,
    rulesPublishedAt,
    wasBlocked: row.blockedAt !== null,
  };
}

export type HeldReply = { id: string; name: string | null; text: string | null; at: number };

/** The référent replies waiting for this person's turn, oldest first. */
export function heldRepliesOf(row: PersonRow | null): HeldReply[] {
  if (!row?.heldReplies) return [];
  const list = JSON.parse(row.heldReplies) as HeldReply[];
  return list.filter((r) => r.text).sort((a, b) => a.at - b.at);
}

/** The engine's view of a person row (the same whether the row was read or kept). */
export function stateOf(row: PersonRow): ConversationState {
  const onboarded = row.consentAt !== null || row.cursor !== "{}";
  return {
    youngId: row.id,
    locale: toLocale(row.locale),
    profile: profileFromColumns(row),
    cursor: parseCursor(row.cursor, onboarded),
    offers: parseOffers(row.offers),
    recentAlerts: JSON.parse(row.recentAlerts ?? "[]") as number[],
    openHelpRequests: Number(row.openHelp),
    hasReferent: Number(row.hasReferent) > 0,
    ...(Number(row.alertsSeen) > 0 ? { alertsSeen: Number(row.alertsSeen) } : {}),
    ...(row.consentAt !== null ? { consentAt: row.consentAt } : {}),
    ...parseRoadmapColumns(row),
    remindersOptOut: row.remindersOptOut,
  };
}

/** The young_people columns a turn writes from the engine's state. */
function personColumns(state: ConversationState) {
  return {
    locale: state.locale,
    birth: state.profile.birth ?? null,
    status: state.profile.status ?? null,
    dept: state.profile.dept ?? null,
    enteredCare: state.profile.enteredCare ?? null,
    permitExpiry: state.profile.permitExpiry ?? null,
    consentAt: state.consentAt ?? null,
    cursor: JSON.stringify(state.cursor),
    offers: JSON.stringify(state.offers ?? []),
  };
}

/** The row as D1 holds it after a turn that wrote nothing but the person's own columns. */
export function rowAfterTurn(row: PersonRow, state: ConversationState, revision: number): PersonRow {
  return { ...row, ...personColumns(state), recentAlerts: JSON.stringify(state.recentAlerts ?? []), revision };
}

/** Effects that write what a turn reads besides the person's own columns (alerts, roadmap, reminders, links). */
const READ_BACK_EFFECTS = new Set<Effect["type"]>([
  "raiseAlert",
  "roadmapProgress",
  "setRemindersOptOut",
  "remindersShown",
  "linkReferent",
  "unlinkReferents",
  "alertsSeenShown",
]);

export function newState(youngId: string, locale?: string): ConversationState {
  return {
    youngId,
    locale: toLocale(locale),
    profile: {},
    cursor: START_CURSOR,
    openHelpRequests: 0,
    hasReferent: false,
  };
}

export type SaveTurn = {
  state: ConversationState;
  isNew: boolean;
  /**
   * Set when the turn ran from a kept row instead of a read: the write is refused (a
   * `StaleTurnError`) unless the person is still at that revision and the content and rules
   * still at those versions.
   */
  expected?: { revision: number; contentVersion: number | null; rulesPublishedAt: number | null };
  identity: Identity;
  effects: Effect[];
  now: Date;
  updateId?: number;
  wasBlocked?: boolean;
  /** Distinct people who must ask an unanswered question before editors see it (UNANSWERED_MIN_PEOPLE). */
  unansweredMinPeople?: number;
  /** Held référent replies this turn showed: marked delivered, their text erased, in the same batch. */
  shownReplies?: string[];
};

/** The statements every ordinary turn writes, built once per isolate (see prepared.ts). */
const updateMarker = prepareOnce((db) =>
  db
    .insert(telegramUpdates)
    .values({ updateId: sql.placeholder("updateId"), receivedAt: sql.placeholder("at") })
    .prepare(),
);
// Plain text and number columns: a placeholder in `sql` skips no value encoding.
// Its RETURNING revision tells whether anything but this turn touched the person.
const personUpdate = prepareOnce((db) =>
  db
    .update(youngPeople)
    .set({
      locale: sql`${sql.placeholder("locale")}`,
      birth: sql`${sql.placeholder("birth")}`,
      status: sql`${sql.placeholder("status")}`,
      dept: sql`${sql.placeholder("dept")}`,
      enteredCare: sql`${sql.placeholder("enteredCare")}`,
      permitExpiry: sql`${sql.placeholder("permitExpiry")}`,
      consentAt: sql`${sql.placeholder("consentAt")}`,
      cursor: sql`${sql.placeholder("cursor")}`,
      offers: sql`${sql.placeholder("offers")}`,
      lastActiveAt: sql`${sql.placeholder("lastActiveAt")}`,
      revision: sql`${youngPeople.revision} + 1`,
    })
    .where(eq(youngPeople.id, sql.placeholder("id")))
    .returning({ revision: youngPeople.revision })
    .prepare(),
);

/**
 * True when the row kept at revision ?2 for person ?1 and the versions ?3 (content), ?5 (rules)
 * are all still current. Why that is enough: the cache-safety invariant in worker/turn/run.ts.
 */
const FRESH = `exists (select 1 from young_people where id = ?1 and revision = ?2)
  and (select max(version) from publications) is ?3
  and (select published_at from content_settings where key = ?4) is ?5`;
/** Inserts NULL into turn_guards (which fails) unless FRESH. */
const STALE_GUARD = `insert into turn_guards (stale) select null where not (${FRESH})`;
/** A Telegram turn's update marker doubles as its guard: received_at is NULL (refused) unless FRESH. */
const GUARDED_MARKER = `insert into telegram_updates (update_id, received_at) select ?6, case when ${FRESH} then ?7 end`;

/** The write was refused: the person, the content or the rules changed since the row was kept. */
export class StaleTurnError extends Error {
  override name = "StaleTurnError";
}
const isGuardFailure = (error: unknown) =>
  /NOT NULL constraint failed: (turn_guards\.stale|telegram_updates\.received_at)/.test(String(error));
const eventCount = prepareOnce((db) =>
  db
    .insert(eventCounts)
    .values({ day: sql.placeholder("day"), event: sql.placeholder("event"), key: sql.placeholder("key"), count: 1 })
    .onConflictDoUpdate({
      target: [eventCounts.day, eventCounts.event, eventCounts.key],
      set: { count: sql`${eventCounts.count} + 1` },
    })
    .prepare(),
);

/**
 * Writes the turn atomically; returns the ids of alerts raised (for delivery), the person's
 * revision after it, and, when the turn wrote more than the person's own columns (a new
 * person, alerts, roadmap, reminders, links), their row as the same transaction left it.
 */
export async function saveTurn(db: Db, turn: SaveTurn): Promise<SavedTurn> {
  try {
    return await writeTurn(db, turn);
  } catch (error) {
    if (isGuardFailure(error)) throw new StaleTurnError("the person, content or rules changed since the row was kept");
    throw error;
  }
}

export type SavedTurn = {
  alertIds: string[];
  deleted: boolean;
  /** After the person's update (null: new or deleted person). */
  revision: number | null;
  /** Read back last in the batch, when the turn wrote more than the person's own columns. */
  person: PersonRow | null;
  /** Référents no longer linked after this turn (deleted data, or unlinked): to be told. */
  endedLinks: EndedLink[];
};

async function writeTurn(db: Db, turn: SaveTurn): Promise<SavedTurn> {
  const { state, now } = turn;
  const at = now.getTime();
  const statements: D1PreparedStatement[] = [];
  const add = (...queries: BatchItem<"sqlite">[]) => {
    for (const query of queries) statements.push(statementOf(db, query));
  };
  const expected = turn.expected;
  if (expected) {
    const fresh = [
      state.youngId,
      expected.revision,
      expected.contentVersion,
      ROADMAP_RULES_KEY,
      expected.rulesPublishedAt,
    ];
    statements.push(
      turn.updateId !== undefined
        ? db.$client.prepare(GUARDED_MARKER).bind(...fresh, turn.updateId, at)
        : db.$client.prepare(STALE_GUARD).bind(...fresh),
    );
  } else if (turn.updateId !== undefined) {
    // The marker insert fails on a concurrent duplicate, which rolls the whole batch back.
    statements.push(bind(db, updateMarker(db), { updateId: turn.updateId, at }).statement);
  }

  const deleted = turn.effects.some((e) => e.type === "deleteMyData");
  if (deleted) {
    // The same erasure as everywhere (worker/store/privacy.ts), in this turn's batch.
    const linksAt = turn.isNew ? -1 : statements.length + LINKS_AT;
    if (!turn.isNew) statements.push(...eraseStatements(db, [state.youngId]));
    const results = statements.length > 0 ? await db.$client.batch(statements) : [];
    const endedLinks = linksAt >= 0 ? (results[linksAt]!.results as EndedLink[]) : [];
    return { alertIds: [], deleted: true, revision: null, person: null, endedLinks };
  }

  const columns = { ...personColumns(state), lastActiveAt: at };
  if (turn.isNew) {
    add(db.insert(youngPeople).values({ id: state.youngId, createdAt: at, ...columns }));
    add(
      db
        .insert(identities)
        .values({ channel: turn.identity.channel, key: turn.identity.key, youngId: state.youngId, createdAt: at }),
    );
  } else {
    if (turn.wasBlocked) {
      add(
        db
          .update(identities)
          .set({ blockedAt: null })
          .where(and(eq(identities.channel, turn.identity.channel), eq(identities.key, turn.identity.key))),
      );
    }
  }

  const alertIds: string[] = [];
  let linksAt = -1;
  const day = now.toISOString().slice(0, 10);
  for (const effect of turn.effects) {
    if (effect.type === "raiseAlert") {
      const id = crypto.randomUUID();
      alertIds.push(id);
      add(
        db.insert(alerts).values({
          id,
          youngId: state.youngId,
          kind: effect.kind,
          severity: effect.severity,
          message: effect.message ?? null,
          subject: effect.subject ?? null,
          createdAt: at,
        }),
      );
    } else if (effect.type === "recordUnanswered" && effect.text.length > 0) {
      statements.push(
        ...recordUnansweredStatements(db, {
          text: effect.text,
          youngId: state.youngId,
          locale: state.locale,
          at,
          minPeople: turn.unansweredMinPeople ?? DEFAULT_UNANSWERED_MIN_PEOPLE,
          ...(effect.answered ? { answered: effect.answered } : {}),
        }),
      );
    } else if (
      effect.type === "roadmapProgress" ||
      effect.type === "setRemindersOptOut" ||
      effect.type === "remindersShown"
    ) {
      add(...roadmapWrites(db, state.youngId, effect, at));
    } else if (effect.type === "linkReferent") {
      add(...(await useYoungCodeStatements(db, effect.code, state.youngId, at)));
    } else if (effect.type === "unlinkReferents") {
      linksAt = statements.push(linksOfStatement(db, [state.youngId])) - 1;
      add(unlinkAllStatement(db, state.youngId));
    } else if (effect.type === "alertsSeenShown") {
      add(youngNoticeStatement(db, state.youngId, at));
    } else if (effect.type === "track") {
      statements.push(bind(db, eventCount(db), { day, event: effect.event, key: effect.key ?? "" }).statement);
    }
  }
  const shownReplies = turn.shownReplies ?? [];
  if (shownReplies.length > 0) add(shownRepliesStatement(db, state.youngId, shownReplies, at));
  const update = turn.isNew ? null : bind(db, personUpdate(db), { ...columns, id: state.youngId });
  const updateAt = update ? statements.push(update.statement) - 1 : -1;
  // Last, in the same transaction, when the turn wrote more than the person's own columns: the
  // row as every write (and trigger) left it, exactly what the next turn's read would return.
  // An ordinary turn skips it (+7 % CPU per turn in the bench): its row is derived instead.
  const readsBack =
    turn.isNew ||
    turn.wasBlocked === true ||
    shownReplies.length > 0 ||
    turn.effects.some((e) => READ_BACK_EFFECTS.has(e.type));
  const readBack = readsBack
    ? bind(db, personQuery(db), { channel: turn.identity.channel, key: turn.identity.key, since: at - HOUR })
    : null;
  if (readBack) statements.push(readBack.statement);
  const results = await db.$client.batch(statements);
  const updated = update ? (update.map(results[updateAt]!)[0]?.revision ?? null) : null;
  const endedLinks = linksAt >= 0 ? (results[linksAt]!.results as EndedLink[]) : [];
  return {
    alertIds,
    deleted: false,
    revision: updated,
    person: readBack ? (readBack.map(results.at(-1)!)[0] ?? null) : null,
    endedLinks,
  };
}

/** Telegram told us the young person blocked the bot (or came back). */
export function setTelegramBlocked(db: Db, chatId: string, blocked: boolean, now: Date): Promise<void> {
  return setBlocked(db, { channel: "telegram", key: chatId }, blocked, now);
}

/** The person cannot be written to on this channel (blocked us, or no longer reachable): nothing is sent until they write again. */
export async function setBlocked(db: Db, identity: Identity, blocked: boolean, now: Date): Promise<void> {
  await db
    .update(identities)
    .set({ blockedAt: blocked ? now.getTime() : null })
    .where(
      and(
        eq(identities.channel, identity.channel),
        eq(identities.key, identity.key),
        blocked ? isNull(identities.blockedAt) : sql`1 = 1`,
      ),
    );
}
