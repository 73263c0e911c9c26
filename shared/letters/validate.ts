import type { ContentBundle } from "../content/model.ts";
import { writable } from "./pdf.ts";

/** Said of a French text of a letter (or of its recipient) the PDF's standard fonts cannot write. */
export const NOT_WRITABLE = "not writable in the PDF (Latin letters only)";

/**
 * Cross-references of letter templates: recipients exist, one template per purpose and scope;
 * and every French text that goes into the PDF (the letter's own, its recipient's name and
 * address) is in letters its fonts write, so nothing ever comes out as "?" in a letter.
 */
export function letterErrors(bundle: ContentBundle, resourceIds: ReadonlySet<string>): string[] {
  const errors: string[] = [];
  const seen = new Map<string, string>();
  const recipients = new Set<string>();
  for (const letter of bundle.letters ?? []) {
    for (const id of letter.recipientIds)
      if (!resourceIds.has(id)) errors.push(`letter "${letter.id}": resource "${id}" does not exist`);
      else recipients.add(id);
    const texts: [string, string | undefined][] = [
      ["addressee", letter.addressee],
      ["subject", letter.subject],
      ["body", letter.body],
      ["legalBasis", letter.legalBasis],
      ["deadline", letter.deadline],
      ...letter.enclosures.map((e, i): [string, string] => [`enclosures.${i}`, e]),
    ];
    for (const [field, text] of texts)
      if (text !== undefined && !writable(text)) errors.push(`letter "${letter.id}" ${field}: ${NOT_WRITABLE}`);
    const key = `${letter.purpose}/${letter.scope}`;
    const other = seen.get(key);
    if (other)
      errors.push(`letter "${letter.id}": "${other}" is already the ${letter.scope} letter for "${letter.purpose}"`);
    seen.set(key, letter.id);
  }
  for (const resource of bundle.resources)
    if (recipients.has(resource.id))
      for (const [field, text] of [
        ["name.fr", resource.name.fr],
        ["address", resource.address],
      ] as const)
        if (text !== undefined && !writable(text)) errors.push(`resource "${resource.id}" ${field}: ${NOT_WRITABLE}`);
  return errors;
}
