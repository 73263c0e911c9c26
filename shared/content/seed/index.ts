import type { ContentBundle, Faq, Resource, Step, Topic } from "../model.ts";
import type { Letter } from "../../letters/model.ts";
import type { RoadmapRules } from "../../roadmap/rules.ts";
import rights from "./topics/rights.json" with { type: "json" };
import residence from "./topics/residence.json" with { type: "json" };
import training from "./topics/training.json" with { type: "json" };
import housing from "./topics/housing.json" with { type: "json" };
import health from "./topics/health.json" with { type: "json" };
import money from "./topics/money.json" with { type: "json" };
import emergency from "./topics/emergency.json" with { type: "json" };
import resources from "./resources.json" with { type: "json" };
import letters from "./letters.json" with { type: "json" };
import roadmapRules from "./roadmap-rules.json" with { type: "json" };

/** One topic file: the topic, its steps and its FAQs (validated by scripts/check-content.ts). */
type TopicFile = { topic: Topic; steps: Step[]; faqs: Faq[] };

const topicFiles = [rights, residence, training, housing, health, money, emergency] as TopicFile[];

export const seedBundle: ContentBundle = {
  topics: topicFiles.map((file) => file.topic),
  steps: topicFiles.flatMap((file) => file.steps),
  resources: resources as Resource[],
  faqs: topicFiles.flatMap((file) => file.faqs),
  letters: letters as Letter[],
};

/**
 * The default roadmap rules (steps, ages, delays, texts, sources), published by the seed like
 * the content (scripts/seed.ts, tests' seedContent()); validated by parseRoadmapRules.
 */
export const seedRoadmapRules = roadmapRules as RoadmapRules;
