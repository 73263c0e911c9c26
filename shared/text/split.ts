/**
 * Splits a text into pieces of at most `limit` characters for channels that cap a message's
 * length. Pieces end after a line break or a space when there is one, so words stay whole;
 * a word longer than the limit is cut (never inside a surrogate pair, so emoji survive).
 * Joining the pieces gives back the text exactly: no character is lost, none is empty.
 */
export function splitOnWords(text: string, limit: number): string[] {
  if (limit < 2) throw new RangeError("limit must be at least 2");
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const cut = cutPoint(rest, limit);
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** Where to end the next piece: after the last line break, else the last space, else at the limit. */
function cutPoint(text: string, limit: number): number {
  const window = text.slice(0, limit);
  const newline = window.lastIndexOf("\n");
  if (newline > 0) return newline + 1;
  const space = Math.max(window.lastIndexOf(" "), window.lastIndexOf("\t"));
  if (space > 0) return space + 1;
  // No break: cut at the limit, one earlier if that would split a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
