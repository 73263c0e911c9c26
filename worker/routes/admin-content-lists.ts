/**
 * The content editor's ordered lists (a topic's steps, a step's or a short answer's
 * resources), edited without script: each entry has "monter", "descendre" and "retirer"
 * buttons, and a field with the titles to choose from adds one. A button press sends the
 * whole form with `op` and re-shows it changed, not saved: the editor saves when ready.
 */

export type ListOp = { kind: "up" | "down" | "remove"; field: string; index: number } | { kind: "add"; field: string };

const OP = /^(up|down|remove):([a-zA-Z]+):(\d{1,3})$|^add:([a-zA-Z]+)$/;

/** The button pressed, if any (anything else is an ordinary save). */
export function parseListOp(value: string | undefined): ListOp | null {
  const m = OP.exec(value ?? "");
  if (!m) return null;
  if (m[4]) return { kind: "add", field: m[4] };
  return { kind: m[1] as "up" | "down" | "remove", field: m[2]!, index: Number(m[3]) };
}

/** The list after the button: moved, removed, or with the chosen entry added (once, at the end). */
export function applyListOp(list: string[], op: ListOp, added: string): string[] {
  const next = [...list];
  if (op.kind === "add") {
    const id = added.trim();
    return id && !next.includes(id) ? [...next, id] : next;
  }
  const i = op.index;
  if (i < 0 || i >= next.length) return next;
  if (op.kind === "remove") next.splice(i, 1);
  else {
    const j = op.kind === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= next.length) return next;
    [next[i], next[j]] = [next[j]!, next[i]!];
  }
  return next;
}

/** "Garantie Visale (housing-visale)" typed or picked: the id, whichever the editor gave. */
export function choiceId(typed: string, choices: { id: string; label: string }[]): string {
  const value = typed.trim();
  const byId = choices.find((c) => c.id === value);
  if (byId) return byId.id;
  const m = /\(([a-z0-9][a-z0-9-]*)\)\s*$/.exec(value);
  if (m && choices.some((c) => c.id === m[1])) return m[1]!;
  const byLabel = choices.filter((c) => c.label.toLowerCase() === value.toLowerCase());
  return byLabel.length === 1 ? byLabel[0]!.id : value;
}
