import { describe, expect, it } from "vitest";
import { withTopLevel } from "../../../bench/lib/wrangler-config.ts";
import chatConfig from "../../../wrangler.toml?raw";

describe("the bench's wrangler config edits", () => {
  it("should replace a top-level key the config already has, never write it twice", () => {
    const edited = withTopLevel(chatConfig, "keep_names", "false");
    expect(edited.match(/^keep_names\s*=/gm)).toHaveLength(1);
    expect(withTopLevel('main = "a.ts"\nkeep_names = true\n[vars]\nX = 1\n', "keep_names", "false")).toBe(
      'main = "a.ts"\nkeep_names = false\n[vars]\nX = 1\n',
    );
  });

  it("should add the key after main when the config has none, outside any table", () => {
    expect(
      withTopLevel('name = "x"\nmain = "a.ts"\n[vars]\nkeep_names = "not this one"\n', "keep_names", "false"),
    ).toBe('name = "x"\nmain = "a.ts"\nkeep_names = false\n[vars]\nkeep_names = "not this one"\n');
  });
});
