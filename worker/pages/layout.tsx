import type { Child } from "hono/jsx";
import { t } from "../../shared/i18n/index.ts";
import { isRtl, LOCALES, type Locale } from "../../shared/locales.ts";

/**
 * The shell of every page a young person sees (the web chat, the roadmap simulator): the HTML
 * head, then a header that always ends with the emergency numbers, in the page's language.
 */
export function YoungPage(props: {
  locale: Locale;
  title: string;
  stylesheet: string;
  header: Child;
  script?: string;
  children?: Child;
  switchable?: boolean;
}) {
  const { locale } = props;
  return (
    <html lang={locale} dir={isRtl(locale) ? "rtl" : "ltr"}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <link rel="stylesheet" href={props.stylesheet} />
      </head>
      <body>
        <header>
          {props.header}
          <EmergencyLine locale={locale} switchable={props.switchable ?? false} />
        </header>
        {props.children}
        {props.script ? <script src={props.script} defer></script> : null}
      </body>
    </html>
  );
}

/**
 * The emergency numbers. `switchable`: the page changes language without reloading (the web
 * chat), so the line carries every translation and the page's script shows the one it needs.
 */
function EmergencyLine(props: { locale: Locale; switchable: boolean }) {
  const translations = props.switchable
    ? Object.fromEntries(LOCALES.map((l) => [`data-${l}`, t(l, "emergencyLine")]))
    : {};
  return (
    <p id="emergency" {...translations}>
      {t(props.locale, "emergencyLine")}
    </p>
  );
}
