/** Types of scripts/start-output.mjs (plain JavaScript: `npm start` runs on bare Node). */
export function typesLine(exitCode: number | null): string | null;
export function appliedMigrations(output: string): number;
