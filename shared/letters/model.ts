import * as z from "zod/mini";
import { isoDateSchema, scopeSchema, slugSchema, sourceSchema, localizedTextSchema } from "../content/model.ts";
import { lazy } from "../lazy.ts";
import { STATUSES } from "../profile.ts";

/**
 * A letter template: content like a step or a resource (edited, previewed, published, rolled
 * back in the content admin), one per purpose and scope — a département's template replaces
 * the national one for people of that département. The letter itself is always written in
 * French (it goes to a French administration); its title and the one-line explanation are in
 * the young person's language. Placeholders in `body` (see `PLACEHOLDERS`) are filled when the
 * letter is made; a run of dots (……) is a blank the young person fills by hand.
 */

const french = lazy(() => z.string().check(z.minLength(1), z.trim()));

/** `{base_legale}` and `{delai}` must appear in the body when set: an edit cannot drop the legal basis. */
export const PLACEHOLDERS = ["nom", "adresse", "date", "naissance", "departement", "base_legale", "delai"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export const letterSchema = lazy(() =>
  z
    .object({
      id: slugSchema(),
      /** What the letter is for (`cjm-request`…): the chat's buttons name it, the scope picks the template. */
      purpose: slugSchema(),
      scope: scopeSchema(),
      order: z.number().check(z.int()),
      title: localizedTextSchema(),
      /** One line, in the young person's language: what the letter says and asks. */
      explanation: localizedTextSchema(),
      /** The situations it is listed for ("ase", "left_ase", "mna", "other"); empty: everyone. */
      statuses: z.array(z.enum(STATUSES)),
      /** Content steps and roadmap steps that offer it. */
      stepIds: z.array(slugSchema()),
      /** Resources it can be addressed to: the one of the person's département first, else a national one. */
      recipientIds: z.array(slugSchema()),
      /** The first line of the address block ("Madame la Présidente, Monsieur le Président…"); may hold {departement}. */
      addressee: z.optional(french()),
      subject: french(),
      body: french(),
      /** The article(s) the letter relies on, named in it (`{base_legale}`). */
      legalBasis: french(),
      /** A deadline sentence the letter states (`{delai}`), e.g. the two months for the tribunal administratif. */
      deadline: z.optional(french()),
      /** Documents to enclose, one per line. */
      enclosures: z.array(french()),
      sources: z.array(sourceSchema()),
      reviewedAt: isoDateSchema(),
    })
    .check(
      z.refine((l) => l.body.includes("{base_legale}"), {
        message: "body must contain {base_legale}",
        path: ["body"],
      }),
      z.refine((l) => l.deadline === undefined || l.body.includes("{delai}"), {
        message: "body must contain {delai} when a deadline is set",
        path: ["body"],
      }),
      z.refine(
        (l) => [...l.body.matchAll(/\{(\w+)\}/g)].every((m) => (PLACEHOLDERS as readonly string[]).includes(m[1]!)),
        {
          message: `body: unknown placeholder (known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(", ")})`,
          path: ["body"],
        },
      ),
    ),
);
export type Letter = z.infer<ReturnType<typeof letterSchema>>;
