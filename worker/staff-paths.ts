/** The paths the staff Worker serves; the chat Worker forwards them to it unchanged. */
export const STAFF_PATHS = ["/login", "/logout", "/admin", "/admin/*", "/referent", "/referent/*"] as const;
