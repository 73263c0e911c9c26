/**
 * A value built on its first use, then kept. For things only some routes, the queue or the
 * cron need (admin zod schemas, roadmap rules schema…): building them at module load would
 * slow every cold isolate's start-up (see BENCHMARKS.md). Types derive from the factory:
 * `export const fooSchema = lazy(() => z.object({…}));`
 * `export type Foo = z.infer<ReturnType<typeof fooSchema>>;` — callers write `fooSchema()`.
 */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
