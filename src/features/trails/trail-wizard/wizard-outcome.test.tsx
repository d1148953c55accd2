import { configure, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { server } from "@mocks/node";
import { afterEach, describe, expect, it } from "vitest";
import { useSessionStore } from "@/stores/session-store";
import { useTrailDraftStore } from "@/stores/trail-draft-store";
import { currentUrl, renderApp } from "@/testing/render";
import { setUpAccount } from "../trails-test-utils";

// The first render loads the lazy trails routes: allow for a busy machine.
configure({ asyncUtilTimeout: 5000 });

type User = ReturnType<typeof renderApp>["user"];
type Account = ReturnType<typeof setUpAccount>;

afterEach(() => {
  useSessionStore.setState({ demo: undefined, demoState: undefined });
  useTrailDraftStore.getState().discardDraft();
});

/** Fills the wizard for `name` (OSS delivery to a bucket of the account) and presses Create. */
async function createTrail(user: User, name: string) {
  await screen.findByRole("heading", { name: "Step 1 of 3: Basics" });
  await waitFor(() =>
    expect(screen.queryByText(/Loading/)).not.toBeInTheDocument(),
  );
  const field = screen.getByRole("textbox", { name: "Trail name" });
  await user.clear(field);
  await user.type(field, name);
  await user.click(screen.getByRole("button", { name: "Next" }));
  await screen.findByRole("heading", { name: "Step 2 of 3: Delivery" });
  await user.click(screen.getByRole("checkbox", { name: /OSS bucket/ }));
  await user.selectOptions(
    screen.getByRole("combobox", { name: "Bucket" }),
    "web-static-assets-hz",
  );
  await user.click(screen.getByRole("button", { name: "Next" }));
  await screen.findByRole("heading", {
    name: "Step 3 of 3: Review and create",
  });
  await user.click(screen.getByRole("button", { name: "Create" }));
}

/** CreateTrail fails with `answer`; `effect` says what the service did meanwhile. */
function failCreate(answer: () => Response, effect?: () => void) {
  let creates = 0;
  server.use(
    http.post("*/api/:region/", ({ request }) => {
      if (new URL(request.url).searchParams.get("Action") !== "CreateTrail")
        return undefined;
      creates += 1;
      effect?.();
      return answer();
    }),
  );
  return () => creates;
}

const differentTrail = (account: Account, name: string) => () => {
  account.trails.set(name, {
    ...account.trails.get("security-writes-hz")!,
    Name: name,
    EventRW: "All",
    OssBucketName: "some-other-bucket",
  });
};

describe("trail wizard: a create whose outcome is unknown", () => {
  it("after a 500, says the outcome was unknown, reads the trails back and reports that the trail does not exist", async () => {
    setUpAccount();
    const creates = failCreate(() =>
      HttpResponse.json(
        { RequestId: "R-500", Code: "InternalError", Message: "oops" },
        { status: 500 },
      ),
    );
    const { user, router } = renderApp("/trails/new?region=cn-hangzhou");
    await createTrail(user, "unsure-audit-trail");

    const panel = within(await screen.findByRole("alert"));
    expect(
      panel.getByText("The outcome of creating the trail is unknown"),
    ).toBeInTheDocument();
    expect(panel.getByText("InternalError")).toBeInTheDocument();
    expect(panel.getByText("R-500")).toBeInTheDocument();
    expect(
      panel.getByText(
        /The outcome is unknown: the service answered 500 InternalError, so Trailscope read the trails back\. No trail named unsure-audit-trail exists: it was not created\./,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/The service did not create the trail/),
    ).not.toBeInTheDocument();
    expect(currentUrl(router)).toMatch(/^\/trails\/new/);
    expect(creates()).toBe(1);
  });

  it("after a network error, reports that a trail of that name now exists with other settings", async () => {
    const account = setUpAccount();
    failCreate(
      () => HttpResponse.error(),
      differentTrail(account, "netlost-audit-trail"),
    );
    const { user } = renderApp("/trails/new?region=cn-hangzhou");
    await createTrail(user, "netlost-audit-trail");

    expect(
      within(await screen.findByRole("alert")).getByText(
        /the answer was lost on the network, so Trailscope read the trails back\. A trail named netlost-audit-trail exists now, but with other settings than these\./,
      ),
    ).toBeInTheDocument();
  });

  it("when the trails cannot be read back either, says the trail may or may not exist", async () => {
    setUpAccount();
    failCreate(() =>
      HttpResponse.json(
        { RequestId: "R-503", Code: "ServiceUnavailable", Message: "down" },
        { status: 503 },
      ),
    );
    server.use(
      http.get("*/api/:region/", ({ request }) => {
        const url = new URL(request.url);
        if (
          url.searchParams.get("Action") !== "DescribeTrails" ||
          url.searchParams.get("NameList") !== "maybe-audit-trail"
        )
          return undefined;
        return HttpResponse.error();
      }),
    );
    const { user } = renderApp("/trails/new?region=cn-hangzhou");
    await createTrail(user, "maybe-audit-trail");

    expect(
      within(await screen.findByRole("alert")).getByText(
        /the trails could not be read back either, so a trail named maybe-audit-trail may or may not exist/,
      ),
    ).toBeInTheDocument();
  });
});
