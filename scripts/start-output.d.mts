/** Types of scripts/start-output.mjs (plain JavaScript: `npm start` runs on bare Node). */
export function wranglerOutputFilter(): (line: string) => boolean;
export function appliedMigrations(output: string): number;
