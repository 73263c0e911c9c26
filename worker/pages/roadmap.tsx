import { assetPath, type Asset } from "../assets.ts";
import { CHAT_ASSETS } from "./chat.tsx";
import { t } from "../../shared/i18n/index.ts";
import { DEPTS } from "../../shared/content/model.ts";
import type { Locale } from "../../shared/locales.ts";
import { DEPT_KEYS, STATUSES, STATUS_KEYS } from "../../shared/profile.ts";
import { STEP_STATE_KEYS, type PageStep } from "../../shared/roadmap/present.ts";
import { formatDay } from "../../shared/roadmap/time.ts";
import { YoungPage } from "./layout.tsx";

const css = `
*{box-sizing:border-box}body{margin:0;font:17px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;background:#f4f1ea;color:#1d1d1b}
header{background:#1f4e79;color:#fff;padding:.6rem 1rem}header h1{font-size:1.15rem;margin:0}header p{margin:.1rem 0 0;font-size:.85rem}
main{max-width:40rem;margin:0 auto;padding:.75rem}
form{background:#fff;border:1px solid #ddd;border-radius:.8rem;padding:.8rem;display:grid;gap:.7rem}
label{font-weight:600;display:block;margin-bottom:.2rem}input,select{font:inherit;width:100%;padding:.55rem;border:1px solid #888;border-radius:.5rem;min-height:44px;background:#fff}
button{font:inherit;padding:.6rem 1rem;border:0;border-radius:.6rem;background:#1f4e79;color:#fff;min-height:44px}
:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
.errors{background:#fde8e8;border:1px solid #a33;border-radius:.6rem;padding:.6rem;color:#7a1f1f}
ol.timeline{list-style:none;padding:0;margin:1rem 0;border-inline-start:3px solid #1f4e79}
ol.timeline li{position:relative;margin:0 0 1rem;padding:.6rem .8rem;margin-inline-start:1rem;background:#fff;border:1px solid #ddd;border-radius:.8rem}
ol.timeline li::before{content:"";position:absolute;inset-inline-start:-1.55rem;top:1rem;width:.9rem;height:.9rem;border-radius:50%;background:#1f4e79}
li.overdue{border-color:#a33}li.overdue::before{background:#a33}li.now::before{background:#f0a500}li.later::before,li.soon::before{background:#8aa}
h2{font-size:1.05rem;margin:.2rem 0}.when{font-weight:600}.note,.sources{font-size:.85rem;color:#555}
`;

export const roadmapStyle: Asset = { name: "roadmap", ext: "css", body: css };

function when(step: PageStep, locale: Locale): string {
  if (step.due) return t(locale, "roadmapDue", { date: formatDay(step.due, locale) });
  if (step.opens) return t(locale, "roadmapOpens", { date: formatDay(step.opens, locale) });
  return t(locale, "roadmapNoDate");
}

/**
 * The public simulator: a form (GET, nothing stored) and the roadmap as a vertical timeline.
 * `unavailable`: no roadmap rules are published yet (never shown as "nothing to do").
 */
export function RoadmapPage(props: {
  locale: Locale;
  values: Record<string, string>;
  errors?: string[];
  steps?: PageStep[];
  unavailable?: boolean;
}) {
  const { locale, values } = props;
  const say = (key: Parameters<typeof t>[1]) => t(locale, key);
  const option = (value: string, key: Parameters<typeof t>[1], current?: string) => (
    <option value={value} selected={current === value}>
      {say(key)}
    </option>
  );
  return (
    <YoungPage
      locale={locale}
      title={`Passerelle — ${say("pageRoadmapTitle")}`}
      stylesheet={assetPath(CHAT_ASSETS, roadmapStyle)}
      header={<h1>🗺️ {say("pageRoadmapTitle")}</h1>}
    >
      <main>
        <p>{say("pageRoadmapIntro")}</p>
        {props.errors && props.errors.length > 0 ? (
          <div class="errors" role="alert">
            <ul>
              {props.errors.map((e) => (
                <li>{e}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <form method="get" action="/parcours">
          <input type="hidden" name="locale" value={locale} />
          <div>
            <label for="birth">{say("pageBirth")}</label>
            <input id="birth" name="birth" type="month" required value={values.birth ?? ""} placeholder="2008-05" />
          </div>
          <div>
            <label for="status">{say("pageStatus")}</label>
            <select id="status" name="status" required>
              {STATUSES.map((s) => option(s, STATUS_KEYS[s], values.status))}
            </select>
          </div>
          <div>
            <label for="dept">{say("pageDept")}</label>
            <select id="dept" name="dept" required>
              {DEPTS.map((d) => option(d, DEPT_KEYS[d], values.dept))}
            </select>
          </div>
          <div>
            <label for="entered_care">{say("pageEnteredCare")}</label>
            <input
              id="entered_care"
              name="entered_care"
              type="month"
              value={values.entered_care ?? ""}
              placeholder="2023-09"
            />
          </div>
          <div>
            <label for="permit_expiry">{say("pagePermitExpiry")}</label>
            <input
              id="permit_expiry"
              name="permit_expiry"
              type="month"
              value={values.permit_expiry ?? ""}
              placeholder="2027-03"
            />
          </div>
          <button type="submit">{say("pageSubmit")}</button>
        </form>
        {props.steps ? (
          props.steps.length === 0 ? (
            <p>{say(props.unavailable ? "roadmapUnavailable" : "roadmapEmpty")}</p>
          ) : (
            <ol class="timeline">
              {props.steps.map((s) => (
                <li class={s.state} id={s.id}>
                  <h2>{s.title}</h2>
                  <p class="when">
                    {say(STEP_STATE_KEYS[s.state])} · {when(s, locale)}
                  </p>
                  <p>{s.why}</p>
                  {s.documents ? (
                    <p>
                      <strong>{say("roadmapDocuments")}</strong> {s.documents}
                    </p>
                  ) : null}
                  {s.sources.length > 0 ? (
                    <p class="sources">
                      {say("sourcesTitle")}{" "}
                      {s.sources.map((src, i) => (
                        <>
                          {i > 0 ? " ; " : ""}
                          {src.url ? (
                            <a href={src.url} rel="noopener noreferrer">
                              {src.label}
                            </a>
                          ) : (
                            src.label
                          )}
                        </>
                      ))}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          )
        ) : null}
        <p class="note">{say("pageDateNote")}</p>
      </main>
    </YoungPage>
  );
}
