import peer from "./worker.ts";
import type { PeerEnv } from "./context.ts";
import { countedFetch } from "../d1-counter.ts";

/** Bench-only: the peer with its D1 calls counted (bench/d1-counter.ts), served beside the measured peer. */
export default { fetch: countedFetch<PeerEnv>((request, env) => peer.fetch(request, env)) };
