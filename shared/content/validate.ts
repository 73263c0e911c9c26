import { CONTENT_KINDS, contentBundleSchema, itemsOf, type ContentBundle } from "./model.ts";
import { letterErrors } from "../letters/validate.ts";

/**
 * Validates a content bundle: shape (zod) first, then cross-references between items.
 * Pure: no I/O. Error messages name the item, e.g. `step "cjm-ask": resource "x" does not exist`.
 */
export type ValidationResult = { ok: true; bundle: ContentBundle } | { ok: false; errors: string[] };

const KIND_OF_COLLECTION: Record<string, string> = {
  topics: "topic",
  steps: "step",
  resources: "resource",
  faqs: "faq",
  letters: "letter",
};

/** Names the item a zod issue path points into, e.g. `step "cjm-ask"` or `steps[3]`. */
function describePath(input: unknown, path: readonly PropertyKey[]): string {
  const [collection, index, ...rest] = path;
  const field = rest.map(String).join(".");
  if (typeof collection !== "string" || typeof index !== "number") {
    return path.length ? path.map(String).join(".") : "bundle";
  }
  const kind = KIND_OF_COLLECTION[collection] ?? collection;
  let item = `${collection}[${index}]`;
  if (input && typeof input === "object") {
    const list = (input as Record<string, unknown>)[collection];
    const entry = Array.isArray(list) ? list[index] : undefined;
    const id = entry && typeof entry === "object" ? (entry as Record<string, unknown>).id : undefined;
    if (typeof id === "string" && id) item = `${kind} "${id}"`;
  }
  return field ? `${item} ${field}` : item;
}

/** zod/mini ships no locale, so most messages are "Invalid input": say what was expected. */
function describeIssue(issue: { code?: string; message: string } & Record<string, unknown>): string {
  if (issue.message && issue.message !== "Invalid input") return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return `missing or invalid (expected ${String(issue.expected)})`;
    case "too_small":
      return issue.origin === "string" ? "must not be empty" : `too small (minimum ${String(issue.minimum)})`;
    case "too_big":
      return `too big (maximum ${String(issue.maximum)})`;
    case "invalid_format":
      return issue.format === "regex"
        ? "does not match the expected pattern"
        : `invalid ${String(issue.format ?? "format")}`;
    case "invalid_value":
      return `expected one of ${JSON.stringify(issue.values)}`;
    case "unrecognized_keys":
      return `unknown key(s) ${JSON.stringify(issue.keys)}`;
    default:
      return issue.message || "invalid";
  }
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) dups.add(id);
    seen.add(id);
  }
  return [...dups];
}

export function validateBundle(input: unknown): ValidationResult {
  const parsed = contentBundleSchema().safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map(
        (issue) =>
          `${describePath(input, issue.path)}: ${describeIssue(issue as unknown as Parameters<typeof describeIssue>[0])}`,
      ),
    };
  }
  const bundle = parsed.data;
  const errors: string[] = [];

  for (const kind of CONTENT_KINDS) {
    for (const id of duplicates(itemsOf(bundle, kind).map((item) => item.id)))
      errors.push(`${kind} "${id}": duplicate id`);
  }

  const topics = new Map(bundle.topics.map((topic) => [topic.id, topic]));
  const steps = new Map(bundle.steps.map((step) => [step.id, step]));
  const resourceIds = new Set(bundle.resources.map((resource) => resource.id));

  for (const topic of bundle.topics) {
    for (const stepId of duplicates(topic.stepIds))
      errors.push(`topic "${topic.id}": step "${stepId}" is listed twice`);
    for (const stepId of topic.stepIds) {
      const step = steps.get(stepId);
      if (!step) errors.push(`topic "${topic.id}": step "${stepId}" does not exist`);
      else if (step.topicId !== topic.id) {
        errors.push(`topic "${topic.id}": step "${stepId}" belongs to topic "${step.topicId}"`);
      }
    }
  }

  for (const step of bundle.steps) {
    const topic = topics.get(step.topicId);
    if (!topic) errors.push(`step "${step.id}": topic "${step.topicId}" does not exist`);
    else if (!topic.stepIds.includes(step.id))
      errors.push(`step "${step.id}": not listed in topic "${topic.id}" stepIds`);
    for (const resourceId of step.resourceIds) {
      if (!resourceIds.has(resourceId)) errors.push(`step "${step.id}": resource "${resourceId}" does not exist`);
    }
  }

  for (const faq of bundle.faqs) {
    if (!topics.has(faq.topicId)) errors.push(`faq "${faq.id}": topic "${faq.topicId}" does not exist`);
    for (const resourceId of faq.resourceIds) {
      if (!resourceIds.has(resourceId)) errors.push(`faq "${faq.id}": resource "${resourceId}" does not exist`);
    }
    if (faq.stepId !== undefined && !steps.has(faq.stepId)) {
      errors.push(`faq "${faq.id}": step "${faq.stepId}" does not exist`);
    }
  }

  errors.push(...letterErrors(bundle, resourceIds));

  return errors.length ? { ok: false, errors } : { ok: true, bundle };
}
