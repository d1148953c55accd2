import { z } from "zod";
import { describe, expect, it } from "vitest";
import "./zod-jitless";

describe("zod under the console's CSP", () => {
  it("never compiles parsers with new Function (no 'unsafe-eval' in the CSP)", () => {
    expect(z.config().jitless).toBe(true);
  });
});
