import type { Locator, Page } from "@playwright/test";

/** The console's frame: navigation, region switcher, identity. */
export class Shell {
  readonly nav: Locator;
  readonly region: Locator;
  readonly identity: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole("navigation", { name: "Main" });
    this.region = page.getByRole("combobox", { name: "Region" });
    this.identity = page.getByRole("combobox", { name: "Signed in as" });
  }

  async goTo(
    section: "Events" | "Trails" | "Insights" | "Investigate" | "Settings",
  ): Promise<void> {
    await this.nav.getByRole("link", { name: section, exact: true }).click();
  }

  async switchRegion(regionId: string): Promise<void> {
    await this.region.selectOption(regionId);
  }

  async signInAs(identity: "admin" | "auditor"): Promise<void> {
    await this.identity.selectOption(identity);
  }
}
