import { describe, expect, it } from "vitest";
import { CATALOG_JSON } from "../../../shared/i18n/catalog-data.ts";
import { CATALOGS, catalogJson } from "../../../shared/i18n/catalogs.ts";
import { fr, type MessageKey } from "../../../shared/i18n/fr.ts";
import { t, translate } from "../../../shared/i18n/index.ts";
import { LOCALES } from "../../../shared/locales.ts";

const keys = Object.keys(fr) as MessageKey[];

describe("t()", () => {
  it("should read catalogs generated from the current hand-written ones (npm run generate)", () => {
    expect(CATALOG_JSON).toEqual(catalogJson());
  });

  it("should give every locale's own text for every key, as written in its catalog", () => {
    for (const locale of LOCALES)
      for (const key of keys) expect(t(locale, key), `${locale}.${key}`).toBe(CATALOGS[locale][key] ?? fr[key]);
  });

  it("should fall back to French for a key a locale leaves out", () => {
    expect(translate({ back: "⬅️ Back" }, fr, "menu")).toBe(fr.menu);
    expect(translate({ back: "⬅️ Back" }, fr, "back")).toBe("⬅️ Back");
  });

  it("should fill placeholders and leave unknown ones as written", () => {
    expect(t("fr", "olderYears", { year: 2000 })).toBe("Avant 2000");
    expect(t("en", "roadmapChangedAdded", { title: "CJM" })).toBe(
      CATALOGS.en.roadmapChangedAdded!.replace("{title}", "CJM"),
    );
    expect(translate({ menu: "{a} {b}" }, fr, "menu", { a: 1 })).toBe("1 {b}");
  });
});
