import { Hono } from "hono";
import * as z from "zod/mini";
import { deptSchema, slugSchema, type Dept } from "../../shared/content/model.ts";
import { lazy } from "../../shared/lazy.ts";
import { t } from "../../shared/i18n/index.ts";
import { letterPdf, writable } from "../../shared/letters/pdf.ts";
import { letterFor, lettersFor, makeLetter } from "../../shared/letters/render.ts";
import { localeSchema, type Locale } from "../../shared/locales.ts";
import { parisDate } from "../../shared/roadmap/time.ts";
import { contentAt } from "../content.ts";
import { database } from "../store/db.ts";
import { latestVersion } from "../store/content.ts";
import { letterFileName } from "./make.ts";
import { LetterFormPage, LettersPage } from "./page.tsx";

/**
 * The letters' public pages (`/lettres`): anonymous like the roadmap simulator. The name and
 * address are posted, put in the PDF of the response, and forgotten: nothing is stored or
 * logged (tests/worker/letters/pages.test.ts reads every table afterwards).
 */
export const letterRoutes = new Hono<{ Bindings: Env }>();

const noControl = (s: string) => !/[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/.test(s);

const choiceSchema = lazy(() => z.object({ dept: z.optional(deptSchema), locale: z.optional(localeSchema) }));
export const letterFormSchema = lazy(() =>
  z.object({
    dept: z.optional(deptSchema),
    locale: z.optional(localeSchema),
    name: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, "name: required"),
        z.maxLength(80, "name: at most 80 characters"),
        z.refine(noControl, "name: no control characters"),
        z.refine(writable, "name: Latin letters only (the letter is in French)"),
      ),
    address: z
      .string()
      .check(
        z.maxLength(300, "address: at most 300 characters"),
        z.refine(noControl, "address: no control characters"),
        z.refine(writable, "address: Latin letters only (the letter is in French)"),
      ),
  }),
);

function choices(raw: Record<string, string>): { locale: Locale; dept: Dept | undefined } {
  const parsed = choiceSchema().safeParse(raw);
  const data = parsed.success ? parsed.data : {};
  return { locale: data.locale ?? "fr", dept: data.dept };
}

async function published(env: Env) {
  const db = database(env.DB);
  return contentAt(db, await latestVersion(db));
}

letterRoutes.get("/lettres", async (c) => {
  const { locale, dept } = choices(c.req.query());
  const content = await published(c.env);
  return c.html(<LettersPage locale={locale} dept={dept} letters={lettersFor(content, dept, undefined)} />);
});

letterRoutes.get("/lettres/:purpose", async (c) => {
  const { locale, dept } = choices(c.req.query());
  const purpose = slugSchema().safeParse(c.req.param("purpose"));
  const letter = purpose.success ? letterFor(await published(c.env), purpose.data, dept) : undefined;
  if (!letter) return c.json({ error: "no such letter" }, 404);
  return c.html(<LetterFormPage locale={locale} dept={dept} letter={letter} />);
});

letterRoutes.post("/lettres/:purpose", async (c) => {
  const purpose = slugSchema().safeParse(c.req.param("purpose"));
  const content = await published(c.env);
  const body = await c.req.parseBody().catch(() => null);
  if (!body) return c.json({ error: "expected a form" }, 400);
  const raw = Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"));
  const { locale, dept } = choices(raw);
  const letter = purpose.success ? letterFor(content, purpose.data, dept) : undefined;
  if (!letter) return c.json({ error: "no such letter" }, 404);
  const form = letterFormSchema().safeParse({ address: "", ...raw });
  if (!form.success) {
    // Said to the young person in their language: Latin letters only (the PDF's fonts), or what to write.
    const latin = form.error.issues.some((i) => i.message.includes("Latin letters only"));
    const errors = [t(locale, latin ? "letterSenderLatin" : "letterSenderInvalid")];
    return c.html(<LetterFormPage locale={locale} dept={dept} letter={letter} errors={errors} />, 400);
  }
  const sender = { name: form.data.name, address: form.data.address.replace(/\r\n/g, "\n").trim() };
  const made = makeLetter(letter, content, locale, { dept, today: parisDate(new Date()), sender });
  // Inline: the phone's PDF viewer opens it, to print, save or share.
  return c.body(letterPdf(made), 200, {
    "Content-Type": "application/pdf",
    "Content-Disposition": `inline; filename="${letterFileName(made, "pdf")}"`,
  });
});
