import type { Profile } from "../../../shared/profile.ts";
import { addToDate, computeRoadmap, type RoadmapStep } from "../../../shared/roadmap/compute.ts";
import { STEP_STATE_KEYS } from "../../../shared/roadmap/present.ts";
import type { RoadmapRules } from "../../../shared/roadmap/rules.ts";
import { t } from "../../../shared/i18n/index.ts";

/**
 * The sample roadmap beside the roadmap editor: the steps a few typical young people get from
 * the draft rules today, with their dates, and what differs from the published rules, so an
 * editor sees the effect of a change before publishing it.
 */

export type SampleProfile = { label: string; profile: Profile };

/** A month `years` and `months` before `today` ("2026-12-03", 16, 0 → "2010-12"). */
function monthsAgo(today: string, years: number, months = 0): string {
  return addToDate(today, -years, -months).slice(0, 7);
}

/** Typical situations, aged from today (Loire-Atlantique). */
export function sampleProfiles(today: string): SampleProfile[] {
  const born = (years: number, months = 0) => monthsAgo(today, years, months);
  return [
    {
      label: "16 ans, MNA, confié·e à l'ASE il y a 6 mois",
      profile: { birth: born(16), status: "mna", dept: "44", enteredCare: monthsAgo(today, 0, 6) },
    },
    {
      label: "17 ans et demi, à l'ASE depuis ses 12 ans",
      profile: { birth: born(17, 6), status: "ase", dept: "44", enteredCare: born(5, 6) },
    },
    {
      label: "18 ans et demi, MNA, titre de séjour jusqu'à dans 5 mois",
      profile: { birth: born(18, 6), status: "mna", dept: "44", permitExpiry: monthsAgo(today, 0, -5) },
    },
    { label: "19 ans, contrat jeune majeur (à l'ASE)", profile: { birth: born(19), status: "ase", dept: "44" } },
    { label: "22 ans, sorti·e de l'ASE", profile: { birth: born(22), status: "left_ase", dept: "44" } },
  ];
}

/** "2027-03-01" → "01/03/2027", as French staff write dates. */
export function frenchDate(iso: string): string {
  return iso.split("-").reverse().join("/");
}

function dates(step: RoadmapStep): string {
  return `${step.due ? `, avant le ${frenchDate(step.due)}` : ""}${step.opens ? ` (dès le ${frenchDate(step.opens)})` : ""}`;
}

function Sample(props: {
  sample: SampleProfile;
  draft: RoadmapRules;
  published: RoadmapRules;
  today: string;
  focus?: string | undefined;
}) {
  const steps = computeRoadmap(props.sample.profile, props.draft, props.today);
  const before = new Map(computeRoadmap(props.sample.profile, props.published, props.today).map((s) => [s.id, s]));
  const removed = [...before.values()].filter((s) => !steps.some((d) => d.id === s.id));
  const focused = props.focus !== undefined && !steps.some((s) => s.id === props.focus);
  return (
    <section class="card sample">
      <h3 class="flush-top">{props.sample.label}</h3>
      {steps.length === 0 ? <p class="muted">Aucune étape.</p> : null}
      <ol>
        {steps.map((s) => {
          const old = before.get(s.id);
          const changed = !old
            ? "nouvelle"
            : old.due !== s.due || old.opens !== s.opens
              ? `publié : ${dates(old).slice(2) || "sans date"}`
              : "";
          const line = (
            <>
              <strong>{s.rule.title.fr}</strong> — {t("fr", STEP_STATE_KEYS[s.state])}
              {dates(s)}
              {changed ? <span class="muted"> ({changed})</span> : null}
            </>
          );
          return <li data-step={s.id}>{s.id === props.focus ? <mark>{line}</mark> : line}</li>;
        })}
      </ol>
      {removed.length ? (
        <p class="muted">Plus affichées après publication : {removed.map((s) => s.rule.title.fr).join(" ; ")}</p>
      ) : null}
      {focused ? <p class="muted">Cette étape n'apparaît pas pour ce profil.</p> : null}
    </section>
  );
}

export function SampleRoadmaps(props: {
  draft: RoadmapRules;
  published: RoadmapRules;
  today: string;
  focus?: string | undefined;
}) {
  return (
    <aside class="samples" aria-labelledby="samples-title">
      <h2 id="samples-title">Parcours d'exemple (brouillon, au {frenchDate(props.today)})</h2>
      <p class="muted">
        Les étapes que ces jeunes verraient après publication, avec leurs dates ; entre parenthèses, ce qui change par
        rapport aux règles publiées.
      </p>
      {sampleProfiles(props.today).map((sample) => (
        <Sample
          sample={sample}
          draft={props.draft}
          published={props.published}
          today={props.today}
          focus={props.focus}
        />
      ))}
    </aside>
  );
}
