/**
 * The web chat's browser script, served inline with the page (no build step, no framework).
 * It speaks the public JSON API only, keeps the session token in localStorage, and renders
 * replies as text (never as HTML) with buttons.
 */
export const chatScript = `
(() => {
  const log = document.getElementById("log");
  const form = document.getElementById("ask");
  const input = document.getElementById("question");
  const status = document.getElementById("status");
  const KEY = "passerelle.token";
  let token = localStorage.getItem(KEY);

  function setLocale(locale, dir) {
    if (!locale) return;
    document.documentElement.lang = locale;
    document.documentElement.dir = dir || "ltr";
  }

  function bubble(text, who) {
    const p = document.createElement("div");
    p.className = "msg " + who;
    p.textContent = text;
    log.appendChild(p);
    return p;
  }

  function render(data) {
    setLocale(data.locale, data.dir);
    for (const reply of data.replies || []) {
      const box = bubble(reply.text, "bot");
      if (reply.buttons && reply.buttons.length) {
        const row = document.createElement("div");
        row.className = "buttons";
        for (const b of reply.buttons) {
          const btn = document.createElement("button");
          btn.type = "button";
          btn.textContent = b.label;
          btn.addEventListener("click", () => send({ action: b.action }, b.label));
          row.appendChild(btn);
        }
        box.appendChild(row);
      }
    }
    const last = log.lastElementChild;
    if (last) last.scrollIntoView({ block: "start" });
    if (data.ended) { localStorage.removeItem(KEY); token = null; }
  }

  async function call(path, body) {
    const headers = { "Content-Type": "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    const res = await fetch(path, { method: "POST", headers, body: JSON.stringify(body) });
    const data = await res.json().catch(() => ({}));
    return { res, data };
  }

  async function start() {
    const { res, data } = await call("/api/chat/session", {});
    if (!res.ok) { status.textContent = data.error || "Erreur"; return; }
    token = data.token;
    localStorage.setItem(KEY, token);
    render(data);
  }

  async function send(body, echo) {
    if (!token) await start();
    bubble(echo, "me");
    status.textContent = "…";
    let { res, data } = await call("/api/chat/message", body);
    if (res.status === 401) { localStorage.removeItem(KEY); token = null; await start(); ({ res, data } = await call("/api/chat/message", body)); }
    status.textContent = res.ok ? "" : (data.error || "Erreur");
    if (res.ok) render(data);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send({ text }, text);
  });

  if (token) send({ action: "menu" }, "🏠"); else start();
})();
`;
