import { env } from "cloudflare:workers";

/** The real D1 binding, with the calls that reach D1 counted (a batch is one call). */
export function countedDb(d1: D1Database) {
  const calls = { n: 0 };
  const counted = (statement: D1PreparedStatement): D1PreparedStatement => {
    const target = statement as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of ["first", "all", "run", "raw"]) {
      const original = target[method]!.bind(statement);
      target[method] = (...args: unknown[]) => {
        calls.n++;
        return original(...args);
      };
    }
    const bind = statement.bind.bind(statement);
    target.bind = (...args: unknown[]) => counted(bind(...args));
    return statement;
  };
  const db = new Proxy(d1, {
    get(target, property) {
      if (property === "batch")
        return (statements: D1PreparedStatement[]) => {
          calls.n++;
          return target.batch(statements);
        };
      if (property === "prepare") return (query: string) => counted(target.prepare(query));
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { env: { ...env, DB: db } as Env, calls };
}
