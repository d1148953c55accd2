import { expect, type Locator, type Page } from "@playwright/test";

/** The insights page: unusual activity (ActionTrail insights + Trailscope detections) and the overview charts. */
export class InsightsPage {
  readonly detections: Locator;
  readonly histogram: Locator;

  constructor(readonly page: Page) {
    this.detections = page.getByRole("region", {
      name: "Trailscope detections",
    });
    this.histogram = page.getByTestId("events-histogram");
  }

  async open(region = "cn-hangzhou", extra = ""): Promise<void> {
    await this.page.goto(`/insights?region=${region}&mock-latency=0-0${extra}`);
    await expect(
      this.page.getByRole("heading", { name: "Insights", level: 1 }),
    ).toBeVisible();
  }

  /** A detection card, by (part of) its title. */
  detection(title: string | RegExp): Locator {
    return this.detections.getByRole("article", { name: title });
  }

  /** Drags across the histogram from one horizontal fraction of the plot to another. */
  async brush(fromFraction: number, toFraction: number): Promise<void> {
    const plot = this.histogram.locator(".recharts-cartesian-grid");
    // The detections above it read 7 days of every region and then grow the
    // page: wait for their summary before measuring where the plot is.
    await expect(
      this.page.getByText(/write events examined/).first(),
    ).toBeVisible({ timeout: 90_000 });
    // The overview loads up to 5,000 events within the rate limit before it draws.
    await expect(plot).toBeVisible({ timeout: 60_000 });
    await plot.scrollIntoViewIfNeeded();
    // Panels above it still load and move it: wait until it stays put.
    let last = await plot.boundingBox();
    await expect
      .poll(
        async () => {
          const now = await plot.boundingBox();
          const still = JSON.stringify(now) === JSON.stringify(last);
          last = now;
          return still;
        },
        { intervals: [300], timeout: 30_000 },
      )
      .toBe(true);
    const box = await plot.boundingBox();
    if (!box) throw new Error("The histogram has no size.");
    const y = box.y + box.height - 4;
    await this.page.mouse.move(box.x + box.width * fromFraction, y);
    await this.page.mouse.down();
    await this.page.mouse.move(
      box.x + box.width * ((fromFraction + toFraction) / 2),
      y,
      { steps: 5 },
    );
    await this.page.mouse.move(box.x + box.width * toFraction, y, { steps: 5 });
    await this.page.mouse.up();
  }
}
