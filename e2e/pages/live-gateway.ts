import type { Locator, Page } from "@playwright/test";

/**
 * The live-mode world of the end-to-end suite: the console served by the
 * signing gateway (server/), in front of a signature-checking ActionTrail
 * stand-in. playwright.config.ts starts it with this token.
 */
export const LIVE_GATEWAY_TOKEN = "e2e-live-token-5b8d1f0c27e4a963";
export const LIVE_ACCOUNT_LABEL = "stand-in account (1498326459723841)";

/** The gateway's sign-in form (/_gateway/login). */
export class GatewayLogin {
  readonly heading: Locator;
  readonly token: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Trailscope" });
    this.token = page.getByLabel("Access token");
    this.submit = page.getByRole("button", { name: "Sign in" });
    this.error = page.getByRole("alert");
  }

  async signIn(token = LIVE_GATEWAY_TOKEN): Promise<void> {
    await this.token.fill(token);
    await this.submit.click();
  }
}
