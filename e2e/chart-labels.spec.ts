import { expect, openConsole, test } from "./fixtures";

test("insights chart labels stay inside their charts; a cut value keeps its whole name in a tooltip", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openConsole(page, "/insights?region=all&range=7d&mock-latency=0-0");
  const labels = page.locator(".chart-axis-label");
  await expect(labels.first()).toBeVisible({ timeout: 90_000 });

  const facts = await labels.evaluateAll((texts) =>
    texts.map((text) => {
      const svg = text.closest("svg");
      const box = text.getBoundingClientRect();
      const frame = svg?.getBoundingClientRect();
      return {
        shown: text.textContent ?? "",
        full: text.parentElement?.querySelector("title")?.textContent ?? "",
        inside:
          !!frame && box.left >= frame.left - 0.5 && box.right <= frame.right,
      };
    }),
  );
  expect(facts.filter((f) => !f.inside)).toEqual([]);
  expect(facts.filter((f) => /\(\d[\d,]* characters\)$/.test(f.shown))).toEqual(
    [],
  );
  for (const f of facts.filter((f) => f.shown.endsWith("…")))
    expect(f.full.startsWith(f.shown.slice(0, -1).trimEnd())).toBe(true);

  // The client share names sit in a list beside the ring, not cut around it.
  const legend = page.locator(".donut-legend li");
  await expect(legend.first()).toBeVisible();
  const cut = await legend.evaluateAll(
    (items) => items.filter((li) => li.scrollWidth > li.clientWidth + 1).length,
  );
  expect(cut).toBe(0);
});
