import { describe, expect, it } from "vitest";
import { frenchError } from "../../../worker/routes/admin-errors.ts";

describe("content errors in French for editors", () => {
  it("should say a missing reference with the kinds as words", () => {
    expect(frenchError('step "cjm-ask": resource "x" does not exist')).toBe(
      "L'étape « cjm-ask » : la ressource « x » n'existe pas.",
    );
    expect(frenchError('faq "f": topic "t" does not exist')).toBe(
      "La réponse courte « f » : le thème « t » n'existe pas.",
    );
  });

  it("should rewrite a shape error after its place, keeping the field", () => {
    expect(frenchError('step "cjm-ask" body.fr: must not be empty')).toBe(
      "L'étape « cjm-ask » (body.fr) : Obligatoire.",
    );
    expect(frenchError("date: YYYY-MM-DD")).toMatch(/^Une date au format AAAA-MM-JJ/);
    expect(frenchError("a step with this id already exists")).toMatch(/^Cet identifiant existe déjà/);
  });

  it("should show an unknown message as it came rather than hide it", () => {
    expect(frenchError("something new went wrong")).toBe("something new went wrong");
  });
});
