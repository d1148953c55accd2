import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { toRecorded } from "@mocks/data/recorded-events";
import { installAccount, server } from "@mocks/node";
import { activateLocale } from "@/components/i18n/i18n";
import { usePrefsStore } from "@/stores/prefs-store";
import { currentUrl, renderApp } from "@/testing/render";

// The clock is TEST_NOW (setup.ts): Monday 2026-11-23, 11:00 in Beijing.

/** StartTime / EndTime of every LookupEvents call the console makes. */
function recordLookups() {
  const calls: { start: string; end: string }[] = [];
  const onStart = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (url.searchParams.get("Action") !== "LookupEvents") return;
    calls.push({
      start: url.searchParams.get("StartTime") ?? "",
      end: url.searchParams.get("EndTime") ?? "",
    });
  };
  server.events.on("request:start", onStart);
  return {
    calls,
    stop: () => server.events.removeListener("request:start", onStart),
  };
}

/** An ActionTrail event of a name no generated event has, at an exact time. */
const probe = (id: number, eventTime: string) =>
  toRecorded({
    eventId: `0A1B2C3D-0000-4000-8000-00000000000${id}`,
    eventVersion: 1,
    eventSource: "ecs.cn-hangzhou.aliyuncs.com",
    eventType: "ApiCall",
    eventName: "EdgeOfTheDayProbe",
    serviceName: "Ecs",
    apiVersion: "2014-05-26",
    requestId: `0A1B2C3D-1111-4000-8000-00000000000${id}`,
    eventTime,
    isGlobal: false,
    acsRegion: "cn-hangzhou",
    sourceIpAddress: "198.51.100.7",
    userAgent: "aliyun-cli/3.0",
    userIdentity: {
      type: "ram-user",
      accountId: "1234567890123456",
      principalId: "2000000000000001",
      userName: `probe-${id}`,
    },
  })!;

const scopeLine = () =>
  screen.findByText(
    /^Searched/,
    { selector: ".search-scope" },
    { timeout: 8000 },
  );

describe("the time range", () => {
  let lookups: ReturnType<typeof recordLookups>;
  beforeEach(() => {
    usePrefsStore.setState({ timeZone: "beijing" });
    lookups = recordLookups();
  });
  afterEach(() => lookups.stop());

  it("searches Yesterday as the whole calendar day of the display zone", async () => {
    const { user, router } = renderApp("/events?region=cn-hangzhou");
    const range = await screen.findByRole(
      "combobox",
      { name: "Time range" },
      { timeout: 8000 },
    );
    expect(
      within(range).getByRole("group", { name: /Calendar/ }),
    ).toHaveAccessibleName("Calendar, in Beijing time (UTC+8)");
    await user.selectOptions(range, "Yesterday");
    expect(currentUrl(router)).toBe(
      "/events?region=cn-hangzhou&range=yesterday",
    );
    await waitFor(() =>
      expect(lookups.calls).toContainEqual({
        start: "2026-11-21T16:00:00Z",
        end: "2026-11-22T15:59:59Z",
      }),
    );
    await waitFor(async () =>
      expect(await scopeLine()).toHaveTextContent(
        "2026-11-22 00:00:00 UTC+08:00 – 2026-11-22 23:59:59 UTC+08:00",
      ),
    );
  });

  it("takes a range typed to the second, and includes the end's last second", async () => {
    const account = installAccount();
    account.recordEvent(probe(1, "2026-11-22T15:59:59Z"));
    account.recordEvent(probe(2, "2026-11-22T16:00:00Z"));
    const { user, router } = renderApp(
      "/events?region=cn-hangzhou&f=EventName%3AEdgeOfTheDayProbe",
    );
    await user.selectOptions(
      await screen.findByRole(
        "combobox",
        { name: "Time range" },
        { timeout: 8000 },
      ),
      "Custom range…",
    );
    const from = screen.getByRole("textbox", { name: /^From/ });
    const to = screen.getByRole("textbox", { name: /^To/ });
    // The fields start from the range being shown (the last 7 days).
    expect(to).toHaveValue("2026-11-23 11:00:00");
    await user.clear(from);
    await user.type(from, "2026-11-22 08:00:00");
    await user.clear(to);
    await user.type(to, "2026-11-22 23:59:59{Enter}");
    await waitFor(() =>
      expect(currentUrl(router)).toBe(
        "/events?region=cn-hangzhou&from=2026-11-22T00%3A00%3A00Z&to=2026-11-22T15%3A59%3A59Z&f=EventName%3AEdgeOfTheDayProbe",
      ),
    );
    await waitFor(() =>
      expect(lookups.calls).toContainEqual({
        start: "2026-11-22T00:00:00Z",
        end: "2026-11-22T15:59:59Z",
      }),
    );
    const grid = await screen.findByRole(
      "grid",
      { name: "Events" },
      { timeout: 8000 },
    );
    expect(await within(grid).findByText("probe-1")).toBeInTheDocument();
    expect(within(grid).queryByText("probe-2")).toBeNull();
    expect(await scopeLine()).toHaveTextContent(
      "2026-11-22 08:00:00 UTC+08:00 – 2026-11-22 23:59:59 UTC+08:00",
    );
  });

  it("refuses a time that is not one, keeps the typed text and says why beside the field", async () => {
    const { user, router } = renderApp("/events?region=cn-hangzhou");
    await user.selectOptions(
      await screen.findByRole(
        "combobox",
        { name: "Time range" },
        { timeout: 8000 },
      ),
      "Custom range…",
    );
    const before = currentUrl(router);
    const from = screen.getByRole("textbox", { name: /^From/ });
    const to = screen.getByRole("textbox", { name: /^To/ });
    await user.clear(from);
    await user.type(from, "2026-11-31 10:00");
    await user.click(screen.getByRole("button", { name: "Apply range" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(/The start is not a date and time/);
    expect(from).toHaveValue("2026-11-31 10:00");
    expect(from).toHaveAttribute("aria-invalid", "true");
    expect(from).toHaveAccessibleDescription(
      expect.stringContaining("The start is not a date and time"),
    );
    expect(to).not.toHaveAttribute("aria-invalid");
    expect(currentUrl(router)).toBe(before);

    // An end before the start is the end's problem.
    await user.clear(from);
    await user.type(from, "2026-11-22 10:00:00");
    await user.clear(to);
    await user.type(to, "2026-11-22 09:59:59{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The end is not after the start.",
    );
    expect(to).toHaveAttribute("aria-invalid", "true");
    expect(from).not.toHaveAttribute("aria-invalid");
    expect(to).toHaveValue("2026-11-22 09:59:59");
    expect(currentUrl(router)).toBe(before);
  });

  it("a date picked from the calendar replaces the date and keeps the typed time", async () => {
    const { user } = renderApp("/events?region=cn-hangzhou");
    await user.selectOptions(
      await screen.findByRole(
        "combobox",
        { name: "Time range" },
        { timeout: 8000 },
      ),
      "Custom range…",
    );
    const to = screen.getByRole("textbox", { name: /^To/ });
    const picker = screen.getByLabelText("End date from a calendar");
    expect(picker).toHaveValue("2026-11-23");
    fireEvent.change(picker, { target: { value: "2026-11-20" } });
    expect(to).toHaveValue("2026-11-20 11:00:00");
    // With nothing readable typed, a picked end is the day's last second.
    await user.clear(to);
    expect(picker).toHaveValue("");
    fireEvent.change(picker, { target: { value: "2026-11-21" } });
    expect(to).toHaveValue("2026-11-21 23:59:59");
  });

  it("says it in Chinese too", async () => {
    usePrefsStore.setState({ locale: "zh-CN" });
    await activateLocale("zh-CN");
    const { user } = renderApp("/events?region=cn-hangzhou");
    const range = await screen.findByRole(
      "combobox",
      { name: "时间范围" },
      { timeout: 8000 },
    );
    expect(within(range).getByRole("option", { name: "昨天" })).toBeVisible();
    await user.selectOptions(range, "custom");
    const from = screen.getByRole("textbox", { name: /^开始时间/ });
    await user.clear(from);
    await user.type(from, "昨天上午");
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "开始时间不是有效的日期时间。",
    );
    expect(from).toHaveValue("昨天上午");
  });
});
