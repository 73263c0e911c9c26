/**
 * Creates a staff account (by default the first admin) in the LOCAL D1, or prints the SQL
 * to run on production:
 *   npm run admin:create -- --email a@b.fr --name "Ada" [--role admin] [--password …] [--persist-to DIR]
 *   npm run admin:create -- --email a@b.fr --name "Ada" --print-sql   # then: npx wrangler d1 execute DB --remote --command "<printed SQL>"
 * Without --password (or ADMIN_PASSWORD in the environment) the password is asked for.
 * The hash is computed here with the same PBKDF2 format as the Worker (worker/auth/password.ts).
 */
import { createInterface } from "node:readline";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { getPlatformProxy } from "wrangler";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../worker/auth/password.ts";
import { database } from "../worker/store/db.ts";
import { createStaff, staffByEmail, STAFF_ROLES, type StaffRole } from "../worker/store/staff.ts";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "admin" },
    password: { type: "string" },
    "persist-to": { type: "string" },
    "print-sql": { type: "boolean", default: false },
  },
});

function fail(message: string): never {
  console.error(`admin:create: ${message}`);
  process.exit(1);
}

const email = values.email?.trim().toLowerCase() ?? "";
const name = values.name?.trim() ?? "";
const role = values.role as StaffRole;
if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) fail("--email is required and must be an e-mail address");
if (!name) fail("--name is required");
if (!STAFF_ROLES.includes(role)) fail(`--role must be one of ${STAFF_ROLES.join(", ")}`);

/**
 * Reads the password without showing it: in a terminal, raw mode (nothing echoed, not even
 * stars; Backspace works, Ctrl-C quits); from a pipe, one line (a pipe echoes nothing).
 */
async function askPassword(): Promise<string> {
  process.stderr.write("Password (not shown): ");
  const input = process.stdin;
  if (!input.isTTY) {
    const rl = createInterface({ input, terminal: false });
    try {
      for await (const line of rl) return line.trim();
      return "";
    } finally {
      rl.close();
      process.stderr.write("\n");
    }
  }
  return new Promise((resolve) => {
    let typed = "";
    input.setRawMode(true);
    input.resume();
    input.setEncoding("utf8");
    const done = (value: string | null) => {
      input.setRawMode(false);
      input.pause();
      input.off("data", onData);
      process.stderr.write("\n");
      if (value === null) process.exit(130);
      resolve(value.trim());
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n" || ch === "\u0004") return done(typed);
        if (ch === "\u0003") return done(null);
        if (ch === "\u007f" || ch === "\b") typed = typed.slice(0, -1);
        else if (ch >= " ") typed += ch;
      }
    };
    input.on("data", onData);
  });
}

const password = values.password ?? process.env.ADMIN_PASSWORD ?? (await askPassword());
if (password.length < MIN_PASSWORD_LENGTH) fail(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
const passwordHash = await hashPassword(password);

if (values["print-sql"]) {
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  console.log(
    `INSERT INTO staff (id, email, name, role, password_hash, failed_logins, created_at) VALUES (${q(crypto.randomUUID())}, ${q(email)}, ${q(name)}, ${q(role)}, ${q(passwordHash)}, 0, ${Date.now()});`,
  );
} else {
  // Same meaning as wrangler's --persist-to DIR (wrangler keeps its state under DIR/v3).
  const persist = values["persist-to"] ? { path: join(values["persist-to"], "v3") } : true;
  const proxy = await getPlatformProxy({ configPath: "wrangler.toml", persist });
  try {
    const db = database(proxy.env.DB as Parameters<typeof database>[0]);
    if (await staffByEmail(db, email)) fail(`an account already exists for ${email}`);
    await createStaff(db, { email, name, role, passwordHash }, new Date());
    console.log(`admin:create: ${role} account created for ${email} in the local D1`);
  } finally {
    await proxy.dispose();
  }
}
