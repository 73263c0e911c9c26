import type { Child } from "hono/jsx";
import { t } from "../../shared/i18n/index.ts";
import { isRtl, type Locale } from "../../shared/locales.ts";
import { linkSegments } from "../../shared/text/links.ts";

/**
 * The shell of every page a young person sees (the web chat, the roadmap simulator, the
 * offline page): the HTML head, then a header that always ends with the emergency numbers, in
 * the page's language, each a `tel:` link.
 */
export function YoungPage(props: {
  locale: Locale;
  title: string;
  stylesheet: string;
  header: Child;
  script?: string;
  children?: Child;
  /** Extra tags of the head (the web chat's manifest). */
  head?: Child;
}) {
  const { locale } = props;
  return (
    <html lang={locale} dir={isRtl(locale) ? "rtl" : "ltr"}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <link rel="stylesheet" href={props.stylesheet} />
        {props.head}
      </head>
      <body>
        <header>
          {props.header}
          <p id="emergency">
            <Linked text={t(locale, "emergencyLine")} />
          </p>
        </header>
        {props.children}
        {props.script ? <script src={props.script} defer></script> : null}
      </body>
    </html>
  );
}

/** A text with its phone numbers as `tel:` links and its web addresses as links; the rest stays text. */
export function Linked(props: { text: string }) {
  return (
    <>
      {linkSegments(props.text).map((segment) =>
        segment.href ? (
          <a href={segment.href} {...(segment.href.startsWith("http") ? { rel: "noopener noreferrer" } : {})}>
            {segment.text}
          </a>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
