import { isRtl, LOCALE_NAMES, LOCALES } from "../../shared/locales.ts";
import { linkSegments } from "../../shared/text/links.ts";
import { shellStrings } from "./chat-shell.ts";

/**
 * The web chat's browser script, served as a file (worker/assets.ts: the page's CSP allows no
 * inline script), no build step, no framework.
 * It speaks the public JSON API only, keeps the session token (and the conversation's
 * language, for the offline page) in localStorage, and renders replies as text (never as
 * HTML) with buttons. It carries the shell's strings in every language and the very function
 * the Worker uses to find phone numbers and links (shared/text/links.ts).
 */
export const chatScript = (): string => `
(() => {
  const SHELL = ${JSON.stringify(shellStrings())};
  const RTL = ${JSON.stringify(LOCALES.filter(isRtl))};
  const linkSegments = ${linkSegments.toString()};
  const LOCALE_KEY = "passerelle.locale";
  let locale = document.documentElement.lang;
  // True once the conversation has a language of its own (a new session then starts in it).
  let chosen = false;
  const say = (key) => (SHELL[locale] || SHELL.fr)[key];
  const NAMES = ${JSON.stringify(LOCALE_NAMES)};
  // Voices for each locale, best first: Dari is read by a Persian voice when there is no Dari one.
  const VOICES = { fr: ["fr"], en: ["en"], ar: ["ar"], ps: ["ps"], prs: ["prs", "fa-af", "fa"] };
  const log = document.getElementById("log");
  const form = document.getElementById("ask");
  const input = document.getElementById("question");
  const status = document.getElementById("status");
  const KEY = "passerelle.token";
  let token = localStorage.getItem(KEY);
  const logoutBtn = document.getElementById("logout");

  // Text with its phone numbers as tel: links and its web addresses as links, never as HTML.
  function linked(text) {
    const out = document.createDocumentFragment();
    for (const part of linkSegments(text)) {
      if (!part.href) { out.appendChild(document.createTextNode(part.text)); continue; }
      const a = document.createElement("a");
      a.href = part.href;
      a.textContent = part.text;
      if (part.href.startsWith("http")) { a.rel = "noopener noreferrer"; a.target = "_blank"; }
      out.appendChild(a);
    }
    return out;
  }

  // Every string of the shell in the conversation's language (worker/pages/chat-shell.ts).
  function setLocale(next) {
    if (!next || !SHELL[next]) return;
    locale = next;
    chosen = true;
    try { localStorage.setItem(LOCALE_KEY, next); } catch (e) {}
    document.documentElement.lang = next;
    document.documentElement.dir = RTL.includes(next) ? "rtl" : "ltr";
    for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = say(el.dataset.i18n);
    for (const el of document.querySelectorAll("[data-i18n-label]")) el.setAttribute("aria-label", say(el.dataset.i18nLabel));
    for (const el of document.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = say(el.dataset.i18nPlaceholder);
    document.getElementById("emergency").replaceChildren(linked(say("emergencyLine")));
    document.getElementById("simulator").href = "/parcours?locale=" + next;
    const manifest = document.querySelector('link[rel="manifest"]');
    if (manifest) manifest.href = "/manifest.webmanifest?locale=" + next;
  }

  function forget() {
    // Their push subscription went with their data: this browser stops it too.
    if ("serviceWorker" in navigator && "PushManager" in window)
      navigator.serviceWorker.getRegistration().then((r) => r && r.pushManager.getSubscription()).then((sub) => sub && sub.unsubscribe()).catch(() => {});
    pushBtn.hidden = true;
    localStorage.removeItem(KEY);
    localStorage.removeItem(LOCALE_KEY);
    token = null;
    logoutBtn.hidden = true;
  }

  function bubble(text, who) {
    const p = document.createElement("div");
    p.className = "msg " + who;
    p.textContent = text;
    log.appendChild(p);
    return p;
  }

  // Read aloud: the browser's speech synthesis, in the reply's language, when the phone has a voice for it.
  let speaking = null;
  function voicesNow() {
    return new Promise((resolve) => {
      const voices = speechSynthesis.getVoices();
      if (voices.length) return resolve(voices);
      // Chromium loads its voices after the page: wait for them a moment.
      const done = () => resolve(speechSynthesis.getVoices());
      speechSynthesis.addEventListener("voiceschanged", done, { once: true });
      setTimeout(done, 1500);
    });
  }
  function stopped(btn) {
    if (speaking === btn) speaking = null;
    btn.setAttribute("aria-pressed", "false");
  }
  async function readAloud(text, lang, btn) {
    if (!("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") { status.textContent = say("readAloudUnavailable"); return; }
    const again = speaking === btn;
    if (speaking) { speechSynthesis.cancel(); stopped(speaking); }
    if (again) return;
    const voices = await voicesNow();
    let voice = null;
    for (const tag of VOICES[lang] || [lang]) {
      voice = voices.find((v) => String(v.lang).toLowerCase().replace("_", "-").startsWith(tag)) || null;
      if (voice) break;
    }
    if (!voice) { status.textContent = say("readAloudNoVoice").replace("{language}", NAMES[lang] || lang); return; }
    status.textContent = "";
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = voice.lang;
    utterance.voice = voice;
    utterance.onend = () => stopped(btn);
    utterance.onerror = () => stopped(btn);
    speaking = btn;
    btn.setAttribute("aria-pressed", "true");
    speechSynthesis.speak(utterance);
  }

  // A reply: marked with its language (screen readers and speech), its 🔊, its text with tappable
  // numbers and links, its buttons.
  function replyBubble(reply, lang) {
    const box = document.createElement("div");
    box.className = "msg bot";
    box.lang = lang;
    box.dir = RTL.includes(lang) ? "rtl" : "ltr";
    const speak = document.createElement("button");
    speak.type = "button";
    speak.className = "speak";
    speak.textContent = "🔊";
    speak.dataset.i18nLabel = "readAloud";
    speak.setAttribute("aria-label", say("readAloud"));
    speak.setAttribute("aria-pressed", "false");
    speak.addEventListener("click", () => readAloud(reply.text, lang, speak));
    const text = document.createElement("span");
    text.appendChild(linked(reply.text));
    box.append(speak, text);
    if (reply.buttons && reply.buttons.length) {
      const row = document.createElement("div");
      row.className = "buttons";
      for (const b of reply.buttons) {
        const btn = document.createElement("button");
        btn.type = "button";
        btn.textContent = b.label;
        btn.addEventListener("click", () => (b.action === "data:export" ? exportData(b.label) : send({ action: b.action }, b.label)));
        row.appendChild(btn);
      }
      box.appendChild(row);
    }
    log.appendChild(box);
    return box;
  }

  function render(data) {
    setLocale(data.locale);
    // "Tout effacer": nothing of the conversation stays on the screen, only the words that say so.
    if (data.ended) log.replaceChildren();
    let first = null;
    for (const reply of data.replies || []) {
      const box = replyBubble(reply, locale);
      first = first || box;
    }
    logoutBtn.hidden = !token;
    // The answer itself in view, not the last bubble: its start at the top of the conversation.
    if (first) first.scrollIntoView({ block: "start" });
    if (data.ended) forget();
  }

  // "Mes données" → a JSON file of everything stored, downloaded (the server says no-store).
  async function exportData(label) {
    await send({ action: "data:export" }, label);
    if (!token) return;
    const res = await fetch("/api/chat/export", { headers: { Authorization: "Bearer " + token } });
    if (!res.ok) { status.textContent = say("chatError"); return; }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement("a");
    a.href = url;
    a.download = "passerelle-mes-donnees.json";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // On a shared phone: end the session here. There is no account, so its profile goes with it.
  logoutBtn.addEventListener("click", async () => {
    if (!token || !window.confirm(say("logoutConfirm"))) return;
    await fetch("/api/chat/session", { method: "DELETE", headers: { Authorization: "Bearer " + token } });
    forget();
    log.replaceChildren();
    start();
  });

  // No network (no data left on the plan): say so, the emergency numbers stay in the header.
  const OFFLINE = { status: 0, ok: false, offline: true };
  async function call(path, body) {
    const headers = { "Content-Type": "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    let res;
    try { res = await fetch(path, { method: "POST", headers, body: JSON.stringify(body) }); }
    catch (e) { status.textContent = say("chatOffline"); return { res: OFFLINE, data: {} }; }
    const data = await res.json().catch(() => ({}));
    return { res, data };
  }

  async function start() {
    const { res, data } = await call("/api/chat/session", chosen ? { locale } : {});
    if (res.offline) return;
    if (!res.ok) { status.textContent = (data.replies && data.replies[0] && data.replies[0].text) || say("chatError"); return; }
    token = data.token;
    localStorage.setItem(KEY, token);
    render(data);
  }

  // A button of a conversation that no longer exists (erased, expired, another tab): said plainly,
  // its buttons switched off, no new conversation started behind the young person's back.
  function sessionGone() {
    forget();
    for (const b of log.querySelectorAll(".buttons button")) b.disabled = true;
    replyBubble({ text: say("chatSessionGone") }, locale);
    status.textContent = "";
  }

  async function send(body, echo) {
    if (!token && body.action) { sessionGone(); return; }
    if (!token) await start();
    bubble(echo, "me");
    status.textContent = "…";
    let { res, data } = await call("/api/chat/message", body);
    if (res.status === 401 && body.action) { sessionGone(); return; }
    if (res.status === 401) { forget(); await start(); ({ res, data } = await call("/api/chat/message", body)); }
    // Too fast: the server's "slow down" words, in the conversation (the emergency numbers with them).
    if (res.status === 429) { status.textContent = ""; render({ replies: data.replies || [] }); return; }
    if (res.offline) return;
    status.textContent = res.ok ? "" : say("chatError");
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
    let res;
    try { res = await fetch("/api/chat/roadmap", { headers: { Authorization: "Bearer " + token } }); }
    catch (e) { status.textContent = say("chatOffline"); return; }
    const data = await res.json().catch(() => ({}));
    if (!res.ok) { status.textContent = say("chatError"); return; }
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
    pushOffer();
    document.getElementById("roadmap-close").focus();
  }
  openBtn.addEventListener("click", () => (panel.hidden ? showTimeline() : (panel.hidden = true, openBtn.setAttribute("aria-expanded", "false"))));
  document.getElementById("roadmap-close").addEventListener("click", () => { panel.hidden = true; openBtn.setAttribute("aria-expanded", "false"); openBtn.focus(); });

  // Push reminders (opt-in, per phone): offered in the timeline when the Worker has VAPID keys
  // and the browser can; the same reminders and quiet hours as Telegram (worker/push/).
  const pushBtn = document.getElementById("push-toggle");
  let pushKey = null;
  function pushLabel(on) {
    pushBtn.dataset.i18n = on ? "chatPushOff" : "chatPushOn";
    pushBtn.textContent = say(pushBtn.dataset.i18n);
    pushBtn.setAttribute("aria-pressed", String(on));
  }
  async function pushOffer() {
    if (!token || !("serviceWorker" in navigator) || !("PushManager" in window)) return;
    try {
      if (!pushKey) {
        const res = await fetch("/api/chat/push/key");
        if (!res.ok) return;
        pushKey = (await res.json()).publicKey;
      }
      const reg = await navigator.serviceWorker.ready;
      pushLabel(Boolean(await reg.pushManager.getSubscription()));
      pushBtn.hidden = false;
    } catch (e) {}
  }
  function keyBytes(base64url) {
    const raw = atob(base64url.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(raw, (ch) => ch.charCodeAt(0));
  }
  pushBtn.addEventListener("click", async () => {
    if (!token) return;
    const headers = { "Content-Type": "application/json", Authorization: "Bearer " + token };
    try {
      const reg = await navigator.serviceWorker.ready;
      const existing = await reg.pushManager.getSubscription();
      if (existing) {
        await fetch("/api/chat/push", { method: "DELETE", headers, body: JSON.stringify({ endpoint: existing.endpoint }) });
        await existing.unsubscribe();
        pushLabel(false);
        status.textContent = say("chatPushStopped");
        return;
      }
      let sub;
      try { sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(pushKey) }); }
      catch (e) { status.textContent = say(window.Notification && Notification.permission === "denied" ? "chatPushDenied" : "chatPushUnavailable"); return; }
      const res = await fetch("/api/chat/push", { method: "POST", headers, body: JSON.stringify(sub.toJSON()) });
      if (!res.ok) { await sub.unsubscribe(); status.textContent = say("chatError"); return; }
      pushLabel(true);
      status.textContent = say("chatPushDone");
    } catch (e) { status.textContent = say("chatOffline"); }
  });

  // Installable, and the emergency numbers even with no network (worker/routes/pwa.tsx).
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(() => {});

  // A returning young person: the shell in their conversation's language before anything loads.
  if (token) { setLocale(localStorage.getItem(LOCALE_KEY)); send({ action: "menu" }, "🏠"); } else start();
})();
`;
