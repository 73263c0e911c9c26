import type { Messages } from "./fr.ts";

/** Missing keys fall back to French. */
export const ar: Messages = {};
