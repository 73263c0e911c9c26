import { describe, expect, it } from "vitest";
import { escapeHtml, splitText } from "../../bot/telegram.ts";

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
