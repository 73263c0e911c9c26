import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { installOutsideWorld } from "./outside.ts";

// Real migrations on the per-file fresh D1; the outside world faked at the fetch boundary.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
installOutsideWorld();
