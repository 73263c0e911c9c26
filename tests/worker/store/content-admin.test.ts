import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureBundle, seedFixture } from "../../support/admin-content.ts";
import { translationStatus } from "../../../shared/content/translation.ts";
import { database } from "../../../worker/store/db.ts";
import { latestVersion, loadDrafts, loadPublished } from "../../../worker/store/content.ts";
import {
  deleteItem,
  getDraftItem,
  pendingChanges,
  publish,
  rollbackItem,
  rollbackPublication,
  saveItem,
} from "../../../worker/store/content-admin.ts";
import { itemHistory, latestLocaleTimes } from "../../../worker/store/content-revisions.ts";
import { replaceDrafts } from "../../../worker/store/content.ts";
import { countRows } from "../../support/db.ts";

const db = () => database(env.DB);
const editor = { id: "staff-1", name: "Camille Editor" };
const t0 = new Date("2026-03-01T10:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

const seedBundle = fixtureBundle();
const firstStep = () => structuredClone(seedBundle.steps[0]!);

describe("content admin store", () => {
  beforeAll(async () => {
    await seedFixture();
  });

  it("should record the seed import in each item's history", async () => {
    const step = firstStep();
    const history = await itemHistory(db(), "step", step.id);
    expect(history).toHaveLength(1);
    expect(history[0]!.action).toBe("import");
  });

  it("should refuse an item that breaks its schema, with messages by field, and store nothing", async () => {
    const before = await countRows("content_revisions");
    const step = { ...firstStep(), title: { fr: "" }, reviewedAt: "yesterday" };
    const result = await saveItem(db(), "step", step, false, editor, later(1));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fields)).toEqual(expect.arrayContaining(["title.fr", "reviewedAt"]));
    expect(await countRows("content_revisions")).toBe(before);
  });

  it("should refuse an item whose references do not exist, naming the item", async () => {
    const step = { ...firstStep(), resourceIds: ["no-such-resource"] };
    const result = await saveItem(db(), "step", step, false, editor, later(1));
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    expect(result.errors.join("\n")).toContain(`step "${step.id}": resource "no-such-resource" does not exist`);
  });

  it("should refuse to create an item whose id is already taken", async () => {
    const result = await saveItem(db(), "step", firstStep(), true, editor, later(1));
    expect(result).toMatchObject({ ok: false, fields: { id: expect.stringContaining("already exists") } });
  });

  it("should save an edit as a draft with who, when and what changed, without publishing it", async () => {
    const step = firstStep();
    step.body.fr = "Nouveau texte de test.";
    const result = await saveItem(db(), "step", step, false, editor, later(2));
    expect(result).toEqual({ ok: true, changed: true });
    const history = await itemHistory(db(), "step", step.id);
    expect(history[0]).toMatchObject({
      action: "update",
      by: "staff-1",
      byName: "Camille Editor",
      at: later(2).getTime(),
    });
    expect((history[0]!.after as typeof step).body.fr).toBe("Nouveau texte de test.");
    const published = await loadPublished(db(), (await latestVersion(db()))!);
    expect(published!.steps.find((s) => s.id === step.id)!.body.fr).not.toBe("Nouveau texte de test.");
    expect((await pendingChanges(db())).map((c) => c.id)).toEqual([step.id]);
  });

  it("should mark translations outdated after the French text changed, and complete once translated", async () => {
    const step = firstStep();
    const times = (await latestLocaleTimes(db())).get(`step:${step.id}`)!;
    const saved = (await getDraftItem(db(), "step", step.id))!.data;
    expect(times.fr).toBe(later(2).getTime());
    expect(translationStatus(saved, times, "en")).toBe(step.body.en && step.title.en ? "outdated" : "missing");

    const translated = {
      ...saved,
      title: { ...step.title, en: "Title" },
      body: { ...(saved.body as object), en: "New test text." },
    };
    expect(await saveItem(db(), "step", translated, false, editor, later(3))).toMatchObject({ ok: true });
    const after = (await latestLocaleTimes(db())).get(`step:${step.id}`)!;
    expect(translationStatus(translated, after, "en")).toBe("complete");
  });

  it("should put a new step into its topic's list, and refuse to delete a resource still in use", async () => {
    const step = { ...firstStep(), id: "test-new-step", title: { fr: "Étape test" } };
    expect(await saveItem(db(), "step", step, true, editor, later(4))).toMatchObject({ ok: true });
    const topic = (await getDraftItem(db(), "topic", step.topicId))!.data as unknown as { stepIds: string[] };
    expect(topic.stepIds).toContain("test-new-step");

    const used = seedBundle.steps.find((s) => s.resourceIds.length > 0)!.resourceIds[0]!;
    const refused = await deleteItem(db(), "resource", used, editor, later(4));
    expect(refused.ok).toBe(false);
    expect(await getDraftItem(db(), "resource", used)).not.toBeNull();
  });

  it("should roll an item back to an earlier revision as a new revision", async () => {
    const step = firstStep();
    const history = await itemHistory(db(), "step", step.id);
    const seeded = history.at(-1)!;
    const result = await rollbackItem(db(), seeded.id, editor, later(5));
    expect(result).toMatchObject({ ok: true });
    const now = (await getDraftItem(db(), "step", step.id))!.data as unknown as typeof step;
    expect(now.body.fr).toBe(step.body.fr);
    expect((await itemHistory(db(), "step", step.id))[0]!.action).toBe("rollback");
  });

  it("should publish a new version and roll a whole publication back as a newer one", async () => {
    const v1 = (await latestVersion(db()))!;
    const step = firstStep();
    step.body.fr = "Texte publié v2.";
    await saveItem(db(), "step", step, false, editor, later(6));
    const published = await publish(db(), editor, "test", later(7));
    expect(published).toEqual({ ok: true, version: v1 + 1 });
    expect((await loadPublished(db(), v1 + 1))!.steps.find((s) => s.id === step.id)!.body.fr).toBe("Texte publié v2.");

    const rolled = await rollbackPublication(db(), v1, editor, later(8));
    expect(rolled).toEqual({ ok: true, version: v1 + 2 });
    const restored = (await loadPublished(db(), v1 + 2))!.steps.find((s) => s.id === step.id)!;
    expect(restored.body.fr).toBe(seedBundle.steps[0]!.body.fr);
    expect((await loadDrafts(db())).steps.find((s) => s.id === step.id)!.body.fr).toBe(seedBundle.steps[0]!.body.fr);
    expect(await pendingChanges(db())).toEqual([]);
  });

  it("should change nothing when an imported file has one invalid item", async () => {
    const before = {
      items: await countRows("content_items"),
      revisions: await countRows("content_revisions"),
      drafts: await loadDrafts(db()),
    };
    const broken = structuredClone(seedBundle);
    broken.steps[0]!.body.fr = "Changé";
    (broken.faqs[0] as { topicId: string }).topicId = "no-such-topic";
    const result = await replaceDrafts(db(), broken, editor.id, later(9));
    expect(result.ok).toBe(false);
    expect(await countRows("content_items")).toBe(before.items);
    expect(await countRows("content_revisions")).toBe(before.revisions);
    expect(await loadDrafts(db())).toEqual(before.drafts);
  });
});
