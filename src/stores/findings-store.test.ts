import { beforeEach, describe, expect, it } from "vitest";
import { useFindingsStore } from "./findings-store";

describe("findings store", () => {
  beforeEach(() => {
    localStorage.clear();
    useFindingsStore.setState({ decisions: {} });
  });

  it("keeps a dismissal with its reason across a reload of the store", async () => {
    useFindingsStore.getState().decide("accessKey:LTAI1", {
      state: "dismissed",
      reason: "rotation job",
      atMs: 10,
      lastMs: 5,
    });
    useFindingsStore.setState({ decisions: {} }, false);
    localStorage.setItem(
      "trailscope.findings",
      JSON.stringify({
        state: {
          decisions: {
            "accessKey:LTAI1": {
              state: "dismissed",
              reason: "rotation job",
              atMs: 10,
              lastMs: 5,
            },
          },
        },
        version: 1,
      }),
    );
    await useFindingsStore.persist.rehydrate();
    expect(
      useFindingsStore.getState().decisions["accessKey:LTAI1"]?.reason,
    ).toBe("rotation job");
  });

  it("writes decisions to localStorage and forgets them on reopen", () => {
    const { decide, reopen } = useFindingsStore.getState();
    decide("user:alice", {
      state: "acknowledged",
      reason: "",
      atMs: 1,
      lastMs: 1,
    });
    expect(localStorage.getItem("trailscope.findings")).toContain("user:alice");
    reopen("user:alice");
    expect(useFindingsStore.getState().decisions).toEqual({});
  });
});
