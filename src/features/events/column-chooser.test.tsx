import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { AuditEvent } from "@/api/schemas/event";
import { usePrefsStore } from "@/stores/prefs-store";
import { I18nWrapper } from "@/testing/i18n";
import { ColumnChooser } from "./column-chooser";

/** Only `raw` is read by the chooser. */
const withRaw = (raw: Record<string, unknown>) =>
  ({ raw }) as unknown as AuditEvent;

describe("the column chooser over hostile field names", () => {
  it("shows invisible and direction characters of a field path visibly and adds the path exactly", async () => {
    const user = userEvent.setup();
    const hostileKey = "Name\u202Egpj.exe";
    render(
      <I18nWrapper>
        <ColumnChooser
          events={[withRaw({ requestParameters: { [hostileKey]: "x" } })]}
        />
      </I18nWrapper>,
    );
    await user.click(screen.getByText("Columns"));
    await user.type(
      screen.getByRole("searchbox", { name: "Add a field of the event" }),
      "gpj",
    );
    const fields = screen.getByRole("list", { name: "Event fields" });
    const [item] = within(fields).getAllByRole("listitem");
    expect(item).toHaveTextContent("requestParameters.NameRLOgpj.exe");
    await user.click(within(item!).getByRole("checkbox"));
    expect(usePrefsStore.getState().tables.events?.order.at(-1)).toBe(
      `field:requestParameters.${hostileKey}`,
    );
  });
});
