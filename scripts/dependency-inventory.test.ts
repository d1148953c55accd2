import { describe, expect, it } from "vitest";
import {
  digest,
  disallowed,
  inventory,
  renderList,
} from "./dependency-inventory";

const lock = {
  packages: {
    "": { version: "0.1.0" },
    "node_modules/react": {
      version: "19.3.1",
      license: "MIT",
      integrity: "sha512-abc",
    },
    "node_modules/vitest": { version: "4.1.12", license: "MIT", dev: true },
    "node_modules/a/node_modules/zod": {
      version: "3.0.0",
      license: "MIT AND ISC",
      integrity: "sha512-def",
    },
  },
};

describe("the offline dependency audit", () => {
  it("lists production packages only, nested ones by their own name", () => {
    expect(inventory(lock).map((r) => `${r.name}@${r.version}`)).toEqual([
      "react@19.3.1",
      "zod@3.0.0",
    ]);
  });

  it("changes the digest and the list when a version or an integrity changes", () => {
    const before = inventory(lock);
    const after = inventory({
      packages: {
        ...lock.packages,
        "node_modules/react": {
          ...lock.packages["node_modules/react"],
          integrity: "sha512-tampered",
        },
      },
    });
    expect(digest(after)).not.toBe(digest(before));
    expect(renderList(after)).not.toBe(renderList(before));
  });

  it("reports licences outside the allowed list", () => {
    const rows = inventory({
      packages: {
        "node_modules/gpl": { version: "1.0.0", license: "GPL-3.0" },
        "node_modules/dual": { version: "1.0.0", license: "(MIT OR GPL-3.0)" },
        "node_modules/none": { version: "1.0.0" },
      },
    });
    expect(disallowed(rows).map((r) => r.name)).toEqual(["gpl", "none"]);
  });
});
