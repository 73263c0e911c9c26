import { describe, expect, it } from "vitest";
import { parisDate, parisHour } from "../../../shared/roadmap/time.ts";

describe("Paris time without Intl", () => {
  it("should match Intl's Europe/Paris clock every hour over two years, DST changes included", () => {
    const date = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/Paris",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    const hour = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hour: "2-digit", hourCycle: "h23" });
    for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3_600_000) {
      expect(parisDate(ms)).toBe(date.format(ms));
      expect(parisHour(ms)).toBe(Number(hour.format(ms)));
    }
  });
});
