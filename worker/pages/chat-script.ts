/**
 * The web chat's browser script, served as a file (worker/assets.ts: the page's CSP allows no
 * inline script), no build step, no framework.
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
    // The page carries the emergency numbers in every language (worker/pages/layout.tsx).
    const emergency = document.getElementById("emergency");
    if (emergency && emergency.dataset[locale]) emergency.textContent = emergency.dataset[locale];
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
    if (!res.ok) { status.textContent = (data.replies && data.replies[0] && data.replies[0].text) || data.error || "Erreur"; return; }
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
    // Too fast: the server's "slow down" words, in the conversation (the emergency numbers with them).
    if (res.status === 429) { status.textContent = ""; render({ replies: data.replies || [] }); return; }
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

  // The roadmap as a visual timeline (the chat itself shows it as a list, like Telegram).
  const panel = document.getElementById("timeline");
  const openBtn = document.getElementById("roadmap-open");
  const list = document.getElementById("timeline-steps");
  function day(iso) { return iso ? iso.slice(8, 10) + "/" + iso.slice(5, 7) + "/" + iso.slice(0, 4) : "—"; }
  async function showTimeline() {
    if (!token) await start();
    const res = await fetch("/api/chat/roadmap", { headers: { Authorization: "Bearer " + token } });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) { status.textContent = data.error || "Erreur"; return; }
    document.getElementById("timeline-title").textContent = data.title;
    list.replaceChildren();
    if (!data.steps.length) { const li = document.createElement("li"); li.textContent = data.empty; list.appendChild(li); }
    for (const step of data.steps) {
      const li = document.createElement("li");
      li.className = step.state;
      const when = document.createElement("div"); when.className = "when"; when.textContent = day(step.due) + " · " + step.stateLabel;
      const title = document.createElement("div"); title.className = "title"; title.textContent = step.title;
      const why = document.createElement("p"); why.className = "why"; why.textContent = step.why;
      li.append(when, title, why);
      list.appendChild(li);
    }
    panel.hidden = false;
    openBtn.setAttribute("aria-expanded", "true");
    document.getElementById("roadmap-close").focus();
  }
  openBtn.addEventListener("click", () => (panel.hidden ? showTimeline() : (panel.hidden = true, openBtn.setAttribute("aria-expanded", "false"))));
  document.getElementById("roadmap-close").addEventListener("click", () => { panel.hidden = true; openBtn.setAttribute("aria-expanded", "false"); openBtn.focus(); });

  if (token) send({ action: "menu" }, "🏠"); else start();
})();
`;
