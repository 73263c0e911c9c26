import { Hono } from "hono";
import { ChatPage } from "../pages/chat.tsx";

export const pageRoutes = new Hono<{ Bindings: Env }>();

pageRoutes.get("/", (c) => {
  // Its CSP and other headers are the chat Worker's (worker/security-headers.ts).
  return c.html(<ChatPage />);
});
