import { expect, type Locator, type Page } from "@playwright/test";

/** Mock-mode URL options for the trails journeys: no latency, a small dataset. */
export const MOCK = "mock-latency=0-0&mock-scale=0.1";

/** The trails screens: list, wizard, trail page, coverage map. */
export class TrailsPages {
  readonly stepHeading: Locator;
  readonly nameField: Locator;
  /** The trail page's status badge (Fresh / Enable / Disable). */
  readonly statusBadge: Locator;

  constructor(readonly page: Page) {
    this.stepHeading = page.getByRole("heading", {
      level: 2,
      name: /^Step \d of 3/,
    });
    this.nameField = page.getByRole("textbox", { name: "Trail name" });
    this.statusBadge = page.locator(".trail-summary .badge");
  }

  async openList(region: string, extra = ""): Promise<void> {
    await this.page.goto(`/trails?region=${region}&${MOCK}${extra}`);
    await expect(
      this.page.getByRole("heading", { level: 1, name: "Trails" }),
    ).toBeVisible();
  }

  async openWizard(region: string, extra = ""): Promise<void> {
    await this.page.goto(`/trails/new?region=${region}&${MOCK}${extra}`);
    await expect(this.stepHeading).toHaveText("Step 1 of 3: Basics");
  }

  async openTrail(name: string, region: string): Promise<void> {
    await this.page.goto(`/trails/${name}?region=${region}&${MOCK}`);
    await expect(
      this.page.getByRole("heading", { level: 1, name: `Trail ${name}` }),
    ).toBeVisible();
  }

  async openCoverage(): Promise<void> {
    await this.page.goto(`/trails/coverage?region=cn-hangzhou&${MOCK}`);
    await expect(
      this.page.getByRole("heading", { level: 1, name: "Trail coverage" }),
    ).toBeVisible();
  }

  async next(expected: "Delivery" | "Review and create"): Promise<void> {
    await this.page.getByRole("button", { name: "Next" }).click();
    await expect(this.stepHeading).toContainText(expected);
  }

  async fillBasics(
    name: string,
    events: RegExp = /Write events/,
  ): Promise<void> {
    await this.nameField.fill(name);
    await this.page.getByRole("radio", { name: events }).check();
  }

  async chooseExistingBucket(bucket: string): Promise<void> {
    await this.page.getByRole("checkbox", { name: /OSS bucket/ }).check();
    await this.page
      .getByRole("combobox", { name: "Bucket" })
      .selectOption(bucket);
  }

  async chooseLogServiceProject(project: string): Promise<void> {
    await this.page.getByRole("checkbox", { name: /Log Service/ }).check();
    await this.page
      .getByRole("combobox", { name: "Project", exact: true })
      .fill(project);
  }

  /** Creates trails through the simulated account's API (setup only), as another console would. */
  async createTrailsByApi(
    region: string,
    names: string[],
    accountId: string,
  ): Promise<void> {
    const statuses = await this.page.evaluate(
      async ({ region, names, accountId }) => {
        const out: number[] = [];
        for (const name of names) {
          const query = new URLSearchParams({
            Action: "CreateTrail",
            Version: "2020-07-06",
            Name: name,
            TrailRegion: region,
            MaxComputeProjectArn: `acs:odps:${region}:${accountId}:project/actiontrail_${name.replace(/-/g, "_")}`,
          });
          const response = await fetch(`/api/${region}/?${query.toString()}`, {
            method: "POST",
          });
          out.push(response.status);
        }
        return out;
      },
      { region, names, accountId },
    );
    expect(statuses).toEqual(names.map(() => 200));
  }
}
