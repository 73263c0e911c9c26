import type { ContentBundle } from "../content/model.ts";

/** Cross-references of letter templates: recipients exist, one template per purpose and scope. */
export function letterErrors(bundle: ContentBundle, resourceIds: ReadonlySet<string>): string[] {
  const errors: string[] = [];
  const seen = new Map<string, string>();
  for (const letter of bundle.letters ?? []) {
    for (const id of letter.recipientIds)
      if (!resourceIds.has(id)) errors.push(`letter "${letter.id}": resource "${id}" does not exist`);
    const key = `${letter.purpose}/${letter.scope}`;
    const other = seen.get(key);
    if (other)
      errors.push(`letter "${letter.id}": "${other}" is already the ${letter.scope} letter for "${letter.purpose}"`);
    seen.set(key, letter.id);
  }
  return errors;
}
