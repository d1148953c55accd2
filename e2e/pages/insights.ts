import { expect, type Locator, type Page } from "@playwright/test";

/** Insights: the Overview view (charts, daily volume, ActionTrail's insight events) and the Findings view (ranked findings with their evidence). */
export class InsightsPage {
  readonly findings: Locator;
  readonly histogram: Locator;

  constructor(readonly page: Page) {
    this.findings = page.getByRole("region", { name: "Findings" });
    this.histogram = page.getByTestId("events-histogram");
  }

  async open(region = "cn-hangzhou", extra = ""): Promise<void> {
    await this.page.goto(`/insights?region=${region}&mock-latency=0-0${extra}`);
    await expect(
      this.page.getByRole("heading", { name: "Insights", level: 1 }),
    ).toBeVisible();
  }

  async openFindings(region = "cn-hangzhou"): Promise<void> {
    await this.page.goto(
      `/insights/findings?region=${region}&mock-latency=0-0`,
    );
    await expect(
      this.page.getByRole("heading", { name: "Findings", level: 2 }),
    ).toBeVisible();
  }

  /** The finding whose timeline names a detection (by part of its title). */
  finding(detection: string | RegExp): Locator {
    return this.findings.getByRole("article").filter({ hasText: detection });
  }

  /** Opens a finding's evidence and returns the detection's part of it. */
  async evidence(detection: RegExp): Promise<Locator> {
    const card = this.finding(detection);
    await card.getByText("Evidence", { exact: true }).click();
    return card.getByRole("region", { name: detection });
  }

  /** Drags across the histogram from one horizontal fraction of the plot to another. */
  async brush(fromFraction: number, toFraction: number): Promise<void> {
    const plot = this.histogram.locator(".recharts-cartesian-grid");
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
