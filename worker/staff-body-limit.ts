import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { staffErrorPage } from "./routes/staff-paths.tsx";

/**
 * The staff Worker's body limits, before anything reads a body (issue 22, finding 9: a 20 MB
 * form was parsed before sign-in). A declared Content-Length over the limit is refused
 * unread; a body without one is counted as it streams and refused at the limit.
 */

/** The sign-in form: an e-mail, a password and a path. */
export const LOGIN_BODY_LIMIT = 8 * 1024;
/** The content import (a whole content bundle as JSON; the seed is ~330 KB). */
export const IMPORT_BODY_LIMIT = 8 * 1024 * 1024;
/** Every other staff form (an item with its five locales is a few tens of KB). */
export const FORM_BODY_LIMIT = 256 * 1024;

const tooLarge = { onError: (c: Parameters<MiddlewareHandler>[0]) => staffErrorPage(c, 413) };
const login = bodyLimit({ maxSize: LOGIN_BODY_LIMIT, ...tooLarge });
const contentImport = bodyLimit({ maxSize: IMPORT_BODY_LIMIT, ...tooLarge });
const form = bodyLimit({ maxSize: FORM_BODY_LIMIT, ...tooLarge });

export function staffBodyLimit(): MiddlewareHandler {
  return (c, next) => {
    const path = c.req.path;
    const limit =
      path === "/login" || path === "/logout" ? login : path === "/admin/content/import" ? contentImport : form;
    return limit(c, next);
  };
}
