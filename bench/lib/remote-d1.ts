/**
 * A Miniflare plugin (loaded through `unsafeBindings`, see serve.ts) for `npm run bench --
 * --d1-apart`: the Worker's D1 binding is served by another workerd process, as on Cloudflare,
 * where D1 is a separate service and not code on the Worker's thread.
 * - "client": the binding is workerd's own D1 client (`cloudflare-internal:d1-api`, the one
 *   every local D1 binding uses), whose fetcher is an external HTTP service at `address`;
 * - "host": the namespace of Miniflare's D1 database objects (`D1DatabaseObject` in its
 *   `d1:db` service), to which the host's Worker forwards D1's HTTP protocol, naming the
 *   object as Miniflare's own entry Worker for a D1 binding does (one Worker hop less).
 */
type RemoteD1 = { mode: "client"; address: string } | { mode: "host" };
type Entry = { name: string; options: RemoteD1 };

const clientService = (binding: string) => `bench:remote-d1:${binding}`;

export const plugins = {
  benchRemoteD1: {
    getBindings(entries: Entry[] | undefined) {
      return (entries ?? []).map(({ name, options }) =>
        options.mode === "client"
          ? {
              name,
              wrapped: {
                moduleName: "cloudflare-internal:d1-api",
                innerBindings: [{ name: "fetcher", service: { name: clientService(name) } }],
              },
            }
          : { name, durableObjectNamespace: { className: "D1DatabaseObject", serviceName: "d1:db" } },
      );
    },
    getNodeBindings() {
      return {};
    },
    getServices({ options }: { options: Entry[] | undefined }) {
      return (options ?? []).flatMap(({ name, options: o }) =>
        o.mode === "client" ? [{ name: clientService(name), external: { address: o.address, http: {} } }] : [],
      );
    },
  },
};
