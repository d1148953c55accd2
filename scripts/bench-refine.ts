/**
 * Refine over the loaded events, timed as a reader types: part of
 * `npm run bench` (scripts/bench.ts calls it on the page that already holds
 * its 100,000-event Load all, so nothing is loaded again).
 *
 * Each word is typed into "Refine loaded events" one key at a time, as a
 * person would (every prefix is a new refine), and each key is timed from the
 * key event (its `timeStamp`) to the frame after the results region says its
 * rows are filtered by the new text (`data-refine` on the region, set in the
 * same commit as the rows). The box is cleared between words, and one word
 * is typed first to warm up.
 */
import type { Page } from "@playwright/test";

/** Words a reader of the simulated account types: names, a user, an address, a region, and one that finds nothing. */
export const REFINE_WORDS = [
  "Describe",
  "Delete",
  "ram-user",
  "10.0",
  "cn-shanghai",
  "Stop",
  "nothing-like-this",
];

export interface RefineFigures {
  /** Key → rows, ms, every key of every word (warm-up excluded). */
  times: number[];
  median: number;
  p95: number;
  max: number;
  keys: number;
  /**
   * Per word: every match it found, its keys' times, and the time from its
   * last key to every match shown (ms; the first rows come at once, the rest
   * once typing pauses).
   */
  words: { word: string; rows: number; times: number[]; settled: number }[];
  /** Median of the words' last key → every match shown. */
  settledMedian: number;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length
    ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!
    : NaN;
};

/** Arms the page for one key: resolves window.__refineKey with key → rows (ms) once the region shows `text`. */
async function armKey(page: Page, text: string) {
  await page.evaluate((expected) => {
    const w = window as unknown as { __refineKey?: Promise<number> };
    const input = document.querySelector<HTMLInputElement>(
      'input[type="search"][id$="-refine"]',
    );
    const region = document.querySelector("[data-refine]");
    if (!input || !region) throw new Error("no refine box or results region");
    w.__refineKey = new Promise<number>((resolve, reject) => {
      let t0: number | undefined;
      const onKey = (e: Event) => {
        t0 ??= e.timeStamp;
      };
      input.addEventListener("keydown", onKey, { capture: true, once: true });
      const done = () => {
        observer.disconnect();
        clearTimeout(timer);
        // The frame that shows the rows: after the next animation frame.
        requestAnimationFrame(() =>
          setTimeout(() => resolve(performance.now() - (t0 ?? NaN)), 0),
        );
      };
      const observer = new MutationObserver(() => {
        if (t0 !== undefined && region.getAttribute("data-refine") === expected)
          done();
      });
      observer.observe(region, {
        attributes: true,
        attributeFilter: ["data-refine"],
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`refine "${expected}" did not show within 30 s`));
      }, 30_000);
    });
  }, text);
}

async function typeWord(page: Page, word: string): Promise<number[]> {
  const times: number[] = [];
  for (let k = 1; k <= word.length; k++) {
    await armKey(page, word.slice(0, k));
    await page.keyboard.press(word[k - 1]!);
    times.push(
      await page.evaluate(
        () =>
          (window as unknown as { __refineKey: Promise<number> }).__refineKey,
      ),
    );
  }
  return times;
}

async function clear(page: Page, box: ReturnType<Page["getByLabel"]>) {
  await box.fill("");
  await page.locator('[data-refine=""]').waitFor();
}

/** Types REFINE_WORDS into the refine box of an events page that has its events loaded. */
export async function benchRefine(page: Page): Promise<RefineFigures> {
  const box = page.getByRole("searchbox", { name: "Refine loaded events" });
  await clear(page, box);
  await box.focus();
  await typeWord(page, "Describe"); // warm-up
  await clear(page, box);
  const words: RefineFigures["words"] = [];
  for (const word of REFINE_WORDS) {
    await box.focus();
    const times = await typeWord(page, word);
    // Last key → every match shown (the rest are looked for once typing pauses).
    const settled = await page.evaluate(async (expected) => {
      const t0 = performance.now();
      const region = document.querySelector("[data-refine]");
      const done = () =>
        region?.getAttribute("data-refine") === expected &&
        region.getAttribute("aria-busy") !== "true";
      if (!done())
        await new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (done()) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(region!, { attributes: true });
        });
      return performance.now() - t0;
    }, word);
    // The rows the grid holds (none when the refine found nothing).
    const rows = await page.evaluate(
      () =>
        Number(
          document
            .querySelector('[data-refine] [role="grid"]')
            ?.getAttribute("aria-rowcount") ?? 1,
        ) - 1,
    );
    words.push({ word, rows, times, settled });
    await clear(page, box);
  }
  const times = words.flatMap((w) => w.times);
  return {
    times,
    median: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    max: Math.max(...times),
    keys: times.length,
    words,
    settledMedian: percentile(
      words.map((w) => w.settled),
      0.5,
    ),
  };
}
