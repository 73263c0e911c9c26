import { rmSync } from "node:fs";

/**
 * Runs a bench script's `main`: an error is printed with its stack, the Workers stopped and the
 * process ended with 1; the run's temp dir is removed either way.
 */
export function runMain(main: () => Promise<void>, stopAll: () => void, tmp: string): void {
  main()
    .catch((error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      stopAll();
      process.exit(1);
    })
    .finally(() => rmSync(tmp, { recursive: true, force: true }));
}
