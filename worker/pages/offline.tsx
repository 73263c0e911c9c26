import { t, type MessageKey } from "../../shared/i18n/index.ts";
import { lazy } from "../../shared/lazy.ts";
import { isRtl, LOCALE_NAMES, LOCALES, type Locale } from "../../shared/locales.ts";
import { assetPath, type Asset } from "../assets.ts";
import { CHAT_ASSETS, chatStyle } from "./chat.tsx";

/**
 * The page the service worker shows when there is no network (worker/routes/pwa.tsx): the
 * emergency numbers as tel: links, in every language, the young person's own first. Its small
 * script (a file: no inline script) shows the language the conversation chose (kept in
 * localStorage by the chat's script), else the phone's; without script, French.
 */

/** The numbers, most urgent first, each with what it is for. */
const NUMBERS: [string, MessageKey][] = [
  ["3114", "offline3114"],
  ["119", "offline119"],
  ["115", "offline115"],
  ["17", "offline17"],
  ["112", "offline112"],
];

const script = () => `
(() => {
  const sections = document.querySelectorAll("section[data-locale]");
  const rtl = ${JSON.stringify(LOCALES.filter(isRtl))};
  const others = ${JSON.stringify(Object.fromEntries(LOCALES.map((l) => [l, t(l, "offlineOtherLanguages")])))};
  function show(locale) {
    let shown = false;
    for (const s of sections) { s.hidden = s.dataset.locale !== locale; shown = shown || !s.hidden; }
    if (!shown) return false;
    document.documentElement.lang = locale;
    document.documentElement.dir = rtl.includes(locale) ? "rtl" : "ltr";
    document.querySelector("nav.languages").setAttribute("aria-label", others[locale]);
    return true;
  }
  function fromTag(tag) {
    const primary = String(tag || "").toLowerCase().split(/[-_]/)[0];
    return primary === "fa" ? "prs" : primary;
  }
  let saved = null;
  try { saved = localStorage.getItem("passerelle.locale"); } catch (e) {}
  const wanted = [saved, ...(navigator.languages || [navigator.language]).map(fromTag), "fr"];
  for (const locale of wanted) if (locale && show(locale)) break;
  for (const b of document.querySelectorAll("button[data-show]")) b.addEventListener("click", () => show(b.dataset.show));
})();
`;

const builtScript = lazy(script);
export const offlineScript: Asset = {
  name: "offline",
  ext: "js",
  // Built on first use, not at start-up.
  get body() {
    return builtScript();
  },
};

function Numbers(props: { locale: Locale }) {
  return (
    <ul class="numbers">
      {NUMBERS.map(([number, key]) => (
        <li>
          <a href={`tel:${number}`}>
            <span class="num">{number}</span> <span>{t(props.locale, key)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

export function OfflinePage() {
  return (
    <html lang="fr" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Passerelle</title>
        <link rel="stylesheet" href={assetPath(CHAT_ASSETS, chatStyle)} />
      </head>
      <body>
        <header>
          <h1>Passerelle</h1>
        </header>
        <main id="offline">
          {LOCALES.map((locale) => (
            <section data-locale={locale} lang={locale} dir={isRtl(locale) ? "rtl" : "ltr"} hidden={locale !== "fr"}>
              <h2>📵 {t(locale, "offlineTitle")}</h2>
              <p>{t(locale, "offlineIntro")}</p>
              <Numbers locale={locale} />
              <p>
                <a href="/">{t(locale, "offlineRetry")}</a>
              </p>
            </section>
          ))}
          <nav aria-label={t("fr", "offlineOtherLanguages")} class="languages">
            {LOCALES.map((locale) => (
              <button type="button" data-show={locale} lang={locale}>
                {LOCALE_NAMES[locale]}
              </button>
            ))}
          </nav>
        </main>
        <script src={assetPath(CHAT_ASSETS, offlineScript)} defer></script>
      </body>
    </html>
  );
}
