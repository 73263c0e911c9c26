/**
 * A person's words as another person reads them (a young person's message in a référent's
 * dashboard or Telegram). Explicit bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069) are removed: an override can make the words around it read
 * backwards ("gpj.exe" shown as "exe.jpg"). Marks (U+200E, U+200F) and joiners stay: Arabic,
 * Persian and Dari text and emoji need them. HTML escaping is the page's or the adapter's job.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export function shownText(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}
