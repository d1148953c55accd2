import { render as renderAlone, screen } from "@testing-library/react";
import type { ReactElement } from "react";
import { I18nWrapper } from "@/testing/i18n";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/api/errors";
import { CopyButton } from "./copy-button";
import { ErrorBoundary } from "./error-boundary";
import { ErrorPanel } from "./error-panel";
import { SafeText } from "./safe-text";

const render = (ui: ReactElement) => renderAlone(ui, { wrapper: I18nWrapper });

describe("SafeText", () => {
  it("shows hidden direction overrides as visible marks and keeps the text as text", () => {
    render(<SafeText value={"<img src=x onerror=alert(1)>\u202Egnp.exe"} />);
    expect(screen.getByText("RLO")).toHaveAttribute(
      "title",
      "Invisible character RLO",
    );
    expect(document.querySelector("img")).toBeNull();
    expect(document.body.textContent).toContain("<img src=x onerror=alert(1)>");
  });

  it("cuts long values and says how much was cut", () => {
    render(<SafeText value={"a".repeat(100_000)} maxLength={100} />);
    expect(screen.getByText(/\+99,900 characters/)).toBeInTheDocument();
  });
});

describe("ErrorPanel", () => {
  it("shows the service's Code, Message and a copyable RequestId, and retries", async () => {
    const onRetry = vi.fn();
    const error = new ApiError({
      code: "Throttling.User",
      message: "Request was denied due to user flow control.",
      status: 400,
      requestId: "REQ-42",
      action: "LookupEvents",
      region: "cn-hangzhou",
    });
    render(<ErrorPanel error={error} onRetry={onRetry} />);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("LookupEvents failed");
    expect(alert).toHaveTextContent("Throttling.User");
    expect(alert).toHaveTextContent("REQ-42");
    expect(
      screen.getByRole("button", { name: "Copy request ID" }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});

describe("CopyButton", () => {
  it("copies the original bytes, invisible characters included", async () => {
    const user = userEvent.setup();
    render(<CopyButton value={"ad\u200Bmin"} label="Copy user" />);
    await user.click(screen.getByRole("button", { name: "Copy user" }));
    await expect(navigator.clipboard.readText()).resolves.toBe("ad\u200Bmin");
    expect(screen.getByRole("status")).toHaveTextContent(
      "Copied to the clipboard",
    );
  });
});

describe("ErrorBoundary", () => {
  it("keeps a failing panel from blanking the page and offers a retry", () => {
    const Boom = () => {
      throw new Error("chart exploded");
    };
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    render(
      <div>
        <p>Other panel</p>
        <ErrorBoundary label="The histogram">
          <Boom />
        </ErrorBoundary>
      </div>,
    );
    expect(screen.getByText("Other panel")).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent(
      "The histogram could not be shown",
    );
    expect(screen.getByRole("button", { name: "Retry" })).toBeInTheDocument();
  });
});
