/**
 * The bench's calibration: what the local runtime charges for the parts of a turn, so the
 * difference between Passerelle and the floor can be split into what the runtime costs and
 * what Passerelle's own code costs. Each route does one more thing than `/request`:
 * - POST /request: read and parse the JSON body, answer 200 (what every webhook does);
 * - POST /d1: and one D1 batch shaped like a turn's write (update marker, counter upsert,
 *   an UPDATE … RETURNING on a person-sized row);
 * - POST /subrequest: and one Bot API sendMessage to the fake Telegram API.
 * Never deployed: only bench/run.ts builds and serves it.
 */
type CalibrationEnv = { DB: D1Database; TELEGRAM_API_ROOT: string; TELEGRAM_BOT_TOKEN: string };

let created: Promise<unknown> | null = null;

const CURSOR = JSON.stringify({ at: "topic", topicId: "housing" });

export default {
  async fetch(request: Request, env: CalibrationEnv): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (request.method !== "POST")
      return new Response(path === "/health" ? "ok" : "not found", { status: path === "/health" ? 200 : 404 });
    const body = JSON.parse(await request.text()) as { n: number };
    if (path === "/d1") {
      created ??= env.DB.batch([
        env.DB.prepare("create table if not exists markers (id integer primary key, at integer)"),
        env.DB.prepare(
          "create table if not exists counters (day text, event text, count integer, primary key (day, event))",
        ),
        env.DB.prepare(
          "create table if not exists people (id integer primary key, cursor text, active integer, revision integer not null default 0)",
        ),
      ]);
      await created;
      const person = body.n % 50;
      await env.DB.batch([
        env.DB.prepare("insert into markers (id, at) values (?1, ?2)").bind(body.n, Date.now()),
        env.DB.prepare(
          "insert into counters (day, event, count) values (?1, 'turn', 1) on conflict (day, event) do update set count = count + 1",
        ).bind(new Date().toISOString().slice(0, 10)),
        env.DB.prepare(
          "insert into people (id, cursor, active) values (?1, ?2, ?3) on conflict (id) do update set cursor = ?2, active = ?3, revision = revision + 1 returning revision",
        ).bind(person, CURSOR, Date.now()),
      ]);
    } else if (path === "/subrequest") {
      const res = await fetch(`${env.TELEGRAM_API_ROOT}/bot${env.TELEGRAM_BOT_TOKEN}/sendMessage`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          chat_id: body.n,
          text: "Bonjour ! Voici les étapes pour ton logement.",
          parse_mode: "HTML",
        }),
      });
      await res.json();
    } else if (path !== "/request") {
      return new Response("not found", { status: 404 });
    }
    return new Response(null, { status: 200 });
  },
};
