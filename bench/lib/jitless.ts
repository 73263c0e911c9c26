import { config } from "zod/mini";

/**
 * Imported first by the bench's engine runs in Node: zod compiles each object schema's parser
 * with `new Function` where it can, which workerd forbids (zod detects Cloudflare's runtime and
 * never tries), so in Node a first parse would pay a compilation the Worker never does.
 */
config({ jitless: true });
