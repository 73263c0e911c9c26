import { describe, expect, it } from "vitest";
import { coalesce, escapeHtml, splitText } from "../../bot/telegram.ts";

describe("escapeHtml", () => {
  it("should neutralise every character Telegram's HTML mode reads", () => {
    expect(escapeHtml("<b>a & b</b>")).toBe("&lt;b&gt;a &amp; b&lt;/b&gt;");
  });
});

describe("splitText", () => {
  it("should keep a short text whole", () => {
    expect(splitText("bonjour")).toEqual(["bonjour"]);
  });

  it("should split a long text on line breaks under Telegram's limit", () => {
    const text = Array.from({ length: 300 }, (_, i) => `ligne ${i} ${"x".repeat(40)}`).join("\n");
    const parts = splitText(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4000);
    expect(parts.join("\n")).toBe(text);
  });

  it("should cut a single line longer than the limit instead of failing", () => {
    const parts = splitText("y".repeat(9000));
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4000);
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
