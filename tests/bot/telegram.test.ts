import { describe, expect, it } from "vitest";
import {
  coalesce,
  contactsOf,
  escapeHtml,
  localeOfLanguageCode,
  MESSAGE_LIMIT,
  splitText,
} from "../../bot/telegram.ts";

describe("escapeHtml", () => {
  it("should neutralise every character Telegram's HTML mode reads", () => {
    expect(escapeHtml("<b>a & b</b>")).toBe("&lt;b&gt;a &amp; b&lt;/b&gt;");
  });
});

describe("splitText", () => {
  it("should keep a short text whole", () => {
    expect(splitText("bonjour")).toEqual(["bonjour"]);
  });

  it("should split a long text on line breaks under Telegram's limit, losing nothing", () => {
    const text = Array.from({ length: 300 }, (_, i) => `ligne ${i} ${"x".repeat(40)}`).join("\n");
    const parts = splitText(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(parts.join("")).toBe(text);
    for (const part of parts.slice(0, -1)) expect(part.endsWith("\n")).toBe(true);
  });

  // Issue 20: a 9 000-character line gave an empty first message and lost everything past 4 000.
  it("should split a 9 000-character line on words: no empty message, no character lost", () => {
    const text = Array.from({ length: 1500 }, (_, i) => `mot${i % 10}`)
      .join(" ")
      .padEnd(9000, " fin");
    const parts = splitText(text);
    expect(parts.length).toBe(3);
    for (const part of parts) {
      expect(part.trim().length).toBeGreaterThan(0);
      expect(part.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(part).toMatch(/^\S/);
    }
    expect(parts.join("")).toBe(text);
    // Cut between words: every piece but the last ends with the space it was cut at.
    for (const part of parts.slice(0, -1)) expect(part).toMatch(/\S $/);
  });

  it("should cut a word longer than a message anywhere, keeping every character", () => {
    const text = "y".repeat(9000);
    const parts = splitText(text);
    expect(parts.map((p) => p.length)).toEqual([MESSAGE_LIMIT, MESSAGE_LIMIT, 9000 - 2 * MESSAGE_LIMIT]);
    expect(parts.join("")).toBe(text);
  });

  it("should never cut an HTML entity or a surrogate pair in two", () => {
    for (let shift = 0; shift < 8; shift++) {
      const html = `${"a".repeat(MESSAGE_LIMIT - 6 + shift)}${"&amp;&lt;😀&gt;".repeat(400)}`;
      const parts = splitText(html);
      expect(parts.join("")).toBe(html);
      for (const part of parts) {
        expect(part.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
        expect(part, `shift ${shift}`).not.toMatch(/&(?!amp;|lt;|gt;)|&[a-z]*$/);
        expect(/^[\uDC00-\uDFFF]/.test(part) || /[\uD800-\uDBFF]$/.test(part), `shift ${shift}`).toBe(false);
      }
    }
  });

  it("should not send a blank message for a run of spaces or line breaks", () => {
    const text = `début${" ".repeat(5000)}${"\n".repeat(5000)}fin`;
    const parts = splitText(text);
    for (const part of parts) expect(part.trim().length).toBeGreaterThan(0);
    expect(parts.join("").replace(/\s+/g, " ")).toBe("début fin");
    expect(splitText("")).toEqual([]);
    expect(splitText(" \n ")).toEqual([]);
  });

  it("should hold for any mix of words, lines, entities and emoji (seeded)", () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const atoms = ["mot", "é", "&amp;", "&lt;", "&gt;", "😀", " ", "\n", "x".repeat(300), "longmot".repeat(900)];
    for (let round = 0; round < 200; round++) {
      let html = "début ";
      while (html.length < 2000 + round * 60) html += atoms[Math.floor(random() * atoms.length)]!;
      html += " fin";
      const parts = splitText(html);
      expect(parts.join("")).toBe(html);
      for (const part of parts) {
        expect(part.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
        expect(part.trim().length).toBeGreaterThan(0);
        expect(part).not.toMatch(/&(?!amp;|lt;|gt;)/);
      }
    }
  });
});

describe("coalesce", () => {
  it("should join a reply without buttons to the next one", () => {
    expect(coalesce([{ text: "a" }, { text: "b", buttons: [{ label: "x", action: "menu" }] }])).toEqual([
      { text: "a\n\nb", buttons: [{ label: "x", action: "menu" }] },
    ]);
  });

  it("should keep a reply with buttons apart, so its keyboard stays under its own text", () => {
    const replies = [{ text: "a", buttons: [{ label: "x", action: "menu" }] }, { text: "b" }];
    expect(coalesce(replies)).toEqual(replies);
  });

  it("should not join replies that would exceed the message limit", () => {
    expect(coalesce([{ text: "a".repeat(30) }, { text: "b".repeat(30) }], 50)).toHaveLength(2);
  });
});

describe("contactsOf", () => {
  const call = [{ number: "3114", label: "أفكار انتحار، لك أو لشخص آخر" }];

  it("should make each number to call a contact card named by the number and what it is for", () => {
    expect(contactsOf({ text: "…", call })).toEqual([
      { phone_number: "3114", first_name: "3114", last_name: "أفكار انتحار، لك أو لشخص آخر" },
    ]);
    expect(contactsOf({ text: "Appelle le 115." })).toEqual([]);
  });

  it("should keep the numbers of replies joined into one message", () => {
    const joined = coalesce([
      { text: "a", call },
      { text: "b", call: [{ number: "112", label: "x" }] },
    ]);
    expect(joined).toHaveLength(1);
    expect(joined[0]!.call?.map((c) => c.number)).toEqual(["3114", "112"]);
  });
});

describe("localeOfLanguageCode", () => {
  it("should greet in the app's language: Persian as Dari, Pashto, Arabic, English, French; others in French", () => {
    expect(["fa", "fa-IR", "prs", "ps", "ps-AF", "ar", "ar-MA", "en-GB", "fr"].map(localeOfLanguageCode)).toEqual([
      "prs",
      "prs",
      "prs",
      "ps",
      "ps",
      "ar",
      "ar",
      "en",
      "fr",
    ]);
    expect(localeOfLanguageCode("es")).toBeUndefined();
    expect(localeOfLanguageCode(undefined)).toBeUndefined();
  });
});
