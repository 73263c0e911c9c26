import { assetPath, type Asset } from "../assets.ts";
import { CHAT_ASSETS } from "../pages/chat.tsx";
import { YoungPage } from "../pages/layout.tsx";
import { t, type MessageKey } from "../../shared/i18n/index.ts";
import { pick, type Dept } from "../../shared/content/model.ts";
import type { Letter } from "../../shared/letters/model.ts";
import { LOCALE_NAMES, LOCALES, type Locale } from "../../shared/locales.ts";
import { DEPT_KEYS } from "../../shared/profile.ts";

/**
 * The letters' pages, for the web chat and anyone without the chat: the list, then one letter's
 * form (name and address, posted, never stored), answered with the letter as a PDF the phone
 * opens, prints or shares. No script: links, a form and a stylesheet.
 */

const css = `
*{box-sizing:border-box}body{margin:0;font:17px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;background:#f4f1ea;color:#1d1d1b}
header{background:#1f4e79;color:#fff;padding:.6rem 1rem}header h1{font-size:1.15rem;margin:0}header p{margin:.1rem 0 0;font-size:.85rem}
main{max-width:40rem;margin:0 auto;padding:.75rem}nav a{margin-inline-end:.8rem}
form{background:#fff;border:1px solid #ddd;border-radius:.8rem;padding:.8rem;display:grid;gap:.7rem}
label{font-weight:600;display:block}input,textarea{font:inherit;width:100%;padding:.55rem;border:1px solid #888;border-radius:.5rem;min-height:44px}
textarea{min-height:6rem}button{font:inherit;padding:.6rem 1rem;border:0;border-radius:.6rem;background:#1f4e79;color:#fff;min-height:44px}
:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
li{margin:0 0 .7rem}.explain{background:#fff8e1;border:1px solid #e0c060;border-radius:.6rem;padding:.6rem}
`;

export const letterStyle: Asset = { name: "letters", ext: "css", body: css };

const query = (locale: Locale, dept: Dept | undefined) =>
  `?${new URLSearchParams({ locale, ...(dept ? { dept } : {}) })}`;

function Shell(props: { locale: Locale; title: string; children?: unknown }) {
  return (
    <YoungPage
      locale={props.locale}
      title={`Passerelle — ${props.title}`}
      stylesheet={assetPath(CHAT_ASSETS, letterStyle)}
      header={<h1>{props.title}</h1>}
    >
      <main>{props.children as never}</main>
    </YoungPage>
  );
}

export function LettersPage(props: { locale: Locale; dept: Dept | undefined; letters: Letter[] }) {
  const { locale, dept } = props;
  return (
    <Shell locale={locale} title={t(locale, "lettersButton")}>
      <nav>
        {(["44", "49", "other"] as const).map((d) => (
          <a href={`/lettres${query(locale, d)}`} aria-current={d === dept ? "page" : undefined}>
            {t(locale, DEPT_KEYS[d])}
          </a>
        ))}
      </nav>
      <nav>
        {LOCALES.map((l) => (
          <a href={`/lettres${query(l, dept)}`} lang={l} aria-current={l === locale ? "page" : undefined}>
            {LOCALE_NAMES[l]}
          </a>
        ))}
      </nav>
      <p>{t(locale, "lettersIntro")}</p>
      <ul>
        {props.letters.map((l) => (
          <li>
            <a href={`/lettres/${l.purpose}${query(locale, dept)}`}>{pick(l.title, locale).text}</a>
            <br />
            {pick(l.explanation, locale).text}
          </li>
        ))}
      </ul>
    </Shell>
  );
}

export function LetterFormPage(props: { locale: Locale; dept: Dept | undefined; letter: Letter; errors?: string[] }) {
  const { locale, dept, letter } = props;
  const say = (key: MessageKey) => t(locale, key);
  return (
    <Shell locale={locale} title={`✉️ ${pick(letter.title, locale).text}`}>
      <p class="explain">{pick(letter.explanation, locale).text}</p>
      {props.errors ? (
        <ul class="explain">
          {props.errors.map((e) => (
            <li>{e}</li>
          ))}
        </ul>
      ) : null}
      <form method="post" action={`/lettres/${letter.purpose}`}>
        <p>{say("pageLetterFormIntro")}</p>
        <input type="hidden" name="locale" value={locale} />
        {dept ? <input type="hidden" name="dept" value={dept} /> : null}
        <div>
          <label for="name">{say("pageLetterName")}</label>
          <input id="name" name="name" maxlength={80} autocomplete="name" />
        </div>
        <div>
          <label for="address">{say("pageLetterAddress")}</label>
          <textarea id="address" name="address" maxlength={300} autocomplete="street-address"></textarea>
        </div>
        <button type="submit">{say("pageLetterPdf")}</button>
      </form>
      <p>
        <a href={`/lettres${query(locale, dept)}`}>{say("lettersOther")}</a>
      </p>
    </Shell>
  );
}
