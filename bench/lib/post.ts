import { Agent, request } from "node:http";

/**
 * POSTs JSON over `node:http` with keep-alive and resolves with the status, the body read and
 * dropped. The bench's process is the load generator and the fake Telegram API, on the same
 * cores as the Workers it measures: with `fetch` (undici) it took 0.9–1.1 ms of CPU per turn
 * and held the floor back (812 turns/s against 1 330 this way, same minutes); this costs it
 * 0.24–0.29 ms.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<number> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent,
        headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(text) },
      },
      (res) => {
        res.on("data", () => {});
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(text);
  });
}

/** Closes the kept-alive sockets, so the process can exit. */
export function closePosts(): void {
  agent.destroy();
}
