import { t } from "../../shared/i18n/index.ts";
import { lazy } from "../../shared/lazy.ts";
import type { Locale } from "../../shared/locales.ts";
import { assetPath, type Asset } from "../assets.ts";
import type { ShellKey } from "./chat-shell.ts";
import { chatScript } from "./chat-script.ts";
import { iconPath } from "./icon.ts";
import { YoungPage } from "./layout.tsx";

/** Where the chat Worker serves its files (worker/assets.ts). */
export const CHAT_ASSETS = "/assets";

const css = `
*{box-sizing:border-box}html,body{margin:0;height:100%}
body{font:17px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;background:#f4f1ea;color:#1d1d1b;display:flex;flex-direction:column}
header{background:#1f4e79;color:#fff;padding:.6rem 1rem}header h1{font-size:1.15rem;margin:0}header p{margin:.1rem 0 0;font-size:.85rem}header a{color:#fff;font-weight:700}
.msg a{color:#1f4e79;font-weight:600}
.msg .speak{float:right;margin:-.3rem -.4rem .2rem .4rem;font-size:1.1rem;min-width:40px;min-height:40px;border:1px solid #ccc;border-radius:50%;background:#f4f1ea;cursor:pointer}
.msg[dir=rtl] .speak{float:left;margin:-.3rem .4rem .2rem -.4rem}.msg .speak[aria-pressed=true]{background:#f0a500}
.msg .speak:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
main{flex:1;overflow-y:auto;padding:.75rem;max-width:40rem;width:100%;margin:0 auto}
.msg{white-space:pre-wrap;overflow-wrap:anywhere;padding:.6rem .8rem;border-radius:.8rem;margin:.4rem 0;max-width:92%}
.bot{background:#fff;border:1px solid #ddd}.me{background:#d9ecff;margin-inline-start:auto}
.buttons{display:flex;flex-wrap:wrap;gap:.4rem;margin-top:.6rem}
.buttons button{font:inherit;font-size:.95rem;padding:.55rem .8rem;border-radius:.6rem;border:1px solid #1f4e79;background:#fff;color:#1f4e79;min-height:44px;cursor:pointer;text-align:start}
.buttons button:focus-visible,#ask button:focus-visible,#ask input:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
form{display:flex;gap:.5rem;padding:.6rem;background:#fff;border-top:1px solid #ddd;max-width:40rem;width:100%;margin:0 auto}
label.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
#ask input{flex:1;min-width:0;font:inherit;padding:.6rem;border:1px solid #888;border-radius:.6rem}
#ask button{font:inherit;padding:.6rem 1rem;border:0;border-radius:.6rem;background:#1f4e79;color:#fff;min-height:44px}
.top{display:flex;justify-content:space-between;align-items:center;gap:.5rem}
header .top button,#timeline .top button{font:inherit;font-size:.9rem;padding:.4rem .7rem;border-radius:.6rem;border:1px solid #fff;background:transparent;color:inherit;min-height:40px}
#timeline{background:#fff;border-bottom:1px solid #ddd;padding:.6rem 1rem;max-height:60vh;overflow-y:auto}
#timeline h2{font-size:1.05rem;margin:0}#timeline .top button{border-color:#1f4e79;color:#1f4e79}
#timeline ol{list-style:none;margin:.5rem 0;padding:0;border-inline-start:3px solid #1f4e79}
#timeline li{position:relative;padding:.2rem 0 .8rem;padding-inline-start:1rem}
#timeline li::before{content:"";position:absolute;inset-inline-start:-.45rem;top:.45rem;width:.7rem;height:.7rem;border-radius:50%;background:#1f4e79}
#timeline li.overdue::before{background:#b00020}#timeline li.done::before{background:#2e7d32}#timeline li.later::before{background:#999}
#timeline .when{font-size:.85rem;color:#444}#timeline .title{font-weight:600}#timeline .why{font-size:.9rem;margin:.2rem 0 0}
#push-toggle{font:inherit;font-size:.95rem;padding:.55rem .8rem;border-radius:.6rem;border:1px solid #1f4e79;background:#fff;color:#1f4e79;min-height:44px;margin:.2rem 0 .5rem}
#timeline .note{font-size:.8rem;color:#555;margin:0}
#offline section{background:#fff;border:1px solid #ddd;border-radius:.8rem;padding:.6rem 1rem;margin:.5rem 0}#offline h2{font-size:1.15rem;margin:.2rem 0}
.numbers{list-style:none;margin:.5rem 0;padding:0;display:grid;gap:.5rem}
.numbers a{display:flex;gap:.8rem;align-items:center;min-height:52px;padding:.5rem .8rem;border:2px solid #1f4e79;border-radius:.8rem;color:#1d1d1b;text-decoration:none}
.numbers .num{font-size:1.5rem;font-weight:700;color:#1f4e79;min-width:4.5rem;flex:none;text-align:center}
.languages{display:flex;flex-wrap:wrap;gap:.4rem;margin:.8rem 0}.languages button{font:inherit;padding:.4rem .8rem;border-radius:.6rem;border:1px solid #1f4e79;background:#fff;color:#1f4e79;min-height:44px}
#status{min-height:1.2em;font-size:.85rem;color:#a33;padding:0 .8rem;max-width:40rem;margin:0 auto;width:100%}
`;

export const chatStyle: Asset = { name: "chat", ext: "css", body: css };
const builtScript = lazy(chatScript);
export const chatScriptAsset: Asset = {
  name: "chat",
  ext: "js",
  // Built on first use (it holds the shell's strings in every locale), not at start-up.
  get body() {
    return builtScript();
  },
};

/**
 * The web chat: mobile-first, keyboard usable, labelled, right-to-left ready. Rendered in the
 * browser's language; the script switches every shell string (`data-i18n*`, worker/pages/chat-shell.ts)
 * to the conversation's language.
 */
export function ChatPage(props: { locale: Locale }) {
  const { locale } = props;
  const say = (key: ShellKey) => t(locale, key);
  const header = (
    <div class="top">
      <h1>Passerelle</h1>
      <button
        id="roadmap-open"
        type="button"
        aria-controls="timeline"
        aria-expanded="false"
        data-i18n="chatRoadmapOpen"
      >
        {say("chatRoadmapOpen")}
      </button>
      <button id="logout" type="button" hidden data-i18n="logout">
        {say("logout")}
      </button>
    </div>
  );
  return (
    <YoungPage
      locale={locale}
      title="Passerelle"
      stylesheet={assetPath(CHAT_ASSETS, chatStyle)}
      header={header}
      script={assetPath(CHAT_ASSETS, chatScriptAsset)}
      head={
        <>
          <link rel="manifest" href={`/manifest.webmanifest?locale=${locale}`} />
          <meta name="theme-color" content="#1f4e79" />
          <link rel="icon" type="image/png" href={iconPath(192)} />
        </>
      }
    >
      <section id="timeline" hidden aria-labelledby="timeline-title">
        <div class="top">
          <h2 id="timeline-title" data-i18n="chatRoadmapOpen">
            {say("chatRoadmapOpen")}
          </h2>
          <button id="roadmap-close" type="button" aria-label={say("chatClose")} data-i18n-label="chatClose">
            ✕
          </button>
        </div>
        <ol id="timeline-steps"></ol>
        <button id="push-toggle" type="button" hidden aria-pressed="false" data-i18n="chatPushOn">
          {say("chatPushOn")}
        </button>
        <p class="note">
          <a id="simulator" href={`/parcours?locale=${locale}`} data-i18n="chatSimulator">
            {say("chatSimulator")}
          </a>{" "}
          · <span data-i18n="chatDateNote">{say("chatDateNote")}</span>
        </p>
      </section>
      <main id="log" aria-live="polite" aria-label={say("chatConversation")} data-i18n-label="chatConversation"></main>
      <div id="status" role="status"></div>
      <form id="ask">
        <label class="sr" for="question" data-i18n="chatAskLabel">
          {say("chatAskLabel")}
        </label>
        <input
          id="question"
          name="question"
          autocomplete="off"
          maxlength={2000}
          placeholder={say("chatAskPlaceholder")}
          data-i18n-placeholder="chatAskPlaceholder"
        />
        <button type="submit" data-i18n="chatSend">
          {say("chatSend")}
        </button>
      </form>
    </YoungPage>
  );
}
