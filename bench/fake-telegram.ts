import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A tiny fake Telegram Bot API on loopback: answers every method with ok, counts calls per
 * method. Message texts are read only to build a plausible result and are not kept.
 */
export type FakeTelegram = {
  url: string;
  calls: Record<string, number>;
  reset(): void;
  total(): number;
  close(): Promise<void>;
};

export async function startFakeTelegram(): Promise<FakeTelegram> {
  const calls: Record<string, number> = {};
  let messageId = 1;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const method = /\/bot[^/]+\/(\w+)/.exec(req.url ?? "")?.[1] ?? "unknown";
      calls[method] = (calls[method] ?? 0) + 1;
      let chatId: unknown = 0;
      try {
        chatId = (JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as { chat_id?: unknown }).chat_id ?? 0;
      } catch {
        // not JSON (multipart): fine for a fake
      }
      const result =
        method === "sendMessage"
          ? {
              message_id: messageId++,
              date: Math.floor(Date.now() / 1000),
              chat: { id: Number(chatId), type: "private" },
              text: "",
            }
          : true;
      const body = JSON.stringify({ ok: true, result });
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    reset() {
      for (const k of Object.keys(calls)) delete calls[k];
    },
    total() {
      return Object.values(calls).reduce((a, b) => a + b, 0);
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
