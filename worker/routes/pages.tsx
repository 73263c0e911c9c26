import { Hono } from "hono";
import { DEFAULT_LOCALE, localeOfAcceptLanguage } from "../../shared/locales.ts";
import { ChatPage } from "../pages/chat.tsx";

export const pageRoutes = new Hono<{ Bindings: Env }>();

pageRoutes.get("/", (c) => {
  // Its CSP and other headers are the chat Worker's (worker/security-headers.ts). The shell
  // starts in the browser's language, as the greeting does (worker/web/chat.ts).
  c.header("Vary", "Accept-Language");
  return c.html(<ChatPage locale={localeOfAcceptLanguage(c.req.header("Accept-Language")) ?? DEFAULT_LOCALE} />);
});
