import { describe, expect, it } from "vitest";
import { runWhenIdle } from "./idle-work";

describe("runWhenIdle", () => {
  it("runs the step slice after slice until it is done", async () => {
    const slices: number[] = [];
    await new Promise<void>((resolve) => {
      runWhenIdle((ms) => {
        slices.push(ms);
        if (slices.length < 3) return false;
        resolve();
        return true;
      }, 6);
    });
    expect(slices).toEqual([6, 6, 6]);
  });

  it("runs no more slices once stopped", async () => {
    let slices = 0;
    let stop = () => {};
    await new Promise<void>((resolve) => {
      stop = runWhenIdle(() => {
        slices++;
        if (slices === 2) {
          stop();
          // A later turn of the event loop: any further slice would have run by then.
          setTimeout(resolve, 0);
        }
        return false;
      }, 6);
    });
    expect(slices).toBe(2);
  });
});
