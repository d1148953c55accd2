import { describe, expect, it } from "vitest";
import { fitLabel, fitLabelToWidth } from "./fit-label";

describe("fitLabel", () => {
  it("keeps a label that fits as it is", () => {
    expect(fitLabel("DescribeInstances", 20)).toBe("DescribeInstances");
  });

  it("cuts a long label at the end with an ellipsis, within the width", () => {
    const label = fitLabel("acs:ram::1234567890123456:role/ops-admin", 20);
    expect(label).toBe("acs:ram::1234567890…");
    expect(Array.from(label)).toHaveLength(20);
  });

  it("counts wide characters twice", () => {
    expect(fitLabel("生产环境数据库实例", 9)).toBe("生产环境…");
  });

  it("never splits a surrogate pair", () => {
    const label = fitLabel("😀😀😀😀😀😀", 6);
    expect(label).toBe("😀😀…");
    expect(label).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe("fitLabelToWidth", () => {
  // Ten pixels a character: easy to reason about.
  const measure = (s: string) => Array.from(s).length * 10;

  it("keeps a label that fits", () => {
    expect(fitLabelToWidth("Ecs", 100, measure)).toBe("Ecs");
  });

  it("keeps the longest prefix that fits with its ellipsis", () => {
    expect(fitLabelToWidth("KubernetesWorkerRole", 100, measure)).toBe(
      "Kubernete…",
    );
  });
});
