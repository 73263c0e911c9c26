import { Hono } from "hono";
import { ChatPage } from "../pages/chat.tsx";

export const pageRoutes = new Hono<{ Bindings: Env }>();

pageRoutes.get("/", (c) => {
  c.header("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
  c.header("Referrer-Policy", "no-referrer");
  return c.html(<ChatPage />);
});
