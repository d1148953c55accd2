import { configure, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { server } from "@mocks/node";
import { afterEach, describe, expect, it } from "vitest";
import { rpc } from "@/api/client";
import { ApiError } from "@/api/errors";
import { useSessionStore } from "@/stores/session-store";
import { useTrailDraftStore } from "@/stores/trail-draft-store";
import { currentUrl, renderApp } from "@/testing/render";
import { setUpAccount } from "../trails-test-utils";
import { placeServerError } from "./wizard-errors";

// The first render loads the lazy trails routes: allow for a busy machine.
configure({ asyncUtilTimeout: 5000 });

type User = ReturnType<typeof renderApp>["user"];

afterEach(() => {
  useSessionStore.setState({ demo: undefined, demoState: undefined });
  useTrailDraftStore.getState().discardDraft();
});

const nameField = () => screen.getByRole("textbox", { name: "Trail name" });
const next = (user: User) =>
  user.click(screen.getByRole("button", { name: "Next" }));

async function openWizard(region = "cn-hangzhou") {
  const app = renderApp(`/trails/new?region=${region}`);
  await screen.findByRole(
    "heading",
    { name: "Step 1 of 3: Basics" },
    { timeout: 5000 },
  );
  // The name check needs the existing trails.
  await waitFor(
    () => expect(screen.queryByText(/Loading/)).not.toBeInTheDocument(),
    { timeout: 5000 },
  );
  return app;
}

async function fillBasics(user: User, name: string) {
  await user.clear(nameField());
  await user.type(nameField(), name);
  await next(user);
  await screen.findByRole("heading", { name: "Step 2 of 3: Delivery" });
}

async function chooseBucket(user: User, bucket: string) {
  await user.click(screen.getByRole("checkbox", { name: /OSS bucket/ }));
  await user.selectOptions(
    screen.getByRole("combobox", { name: "Bucket" }),
    bucket,
  );
}

async function typeBucket(user: User, bucket: string) {
  await user.click(screen.getByRole("checkbox", { name: /OSS bucket/ }));
  await user.click(screen.getByRole("radio", { name: "Type a bucket name" }));
  await user.type(screen.getByRole("textbox", { name: "Bucket" }), bucket);
}

async function createFromReview(user: User) {
  await next(user);
  await screen.findByRole("heading", {
    name: "Step 3 of 3: Review and create",
  });
  await user.click(screen.getByRole("button", { name: "Create" }));
}

describe("trail wizard: client-side rules", () => {
  it.each([
    ["short", "Use 6 to 36 characters (now 5)."],
    ["a".repeat(37), "Use 6 to 36 characters (now 37)."],
    ["1-audit-trail", "Start the name with a lowercase letter (a–z)."],
    ["Audit-trail", "Start the name with a lowercase letter (a–z)."],
    [
      "audit.trail!",
      'Use only lowercase letters, digits, "-" and "_" (not ".", "!").',
    ],
    [
      "audit-Trail",
      'Use only lowercase letters, digits, "-" and "_" (not "T").',
    ],
    [
      "org-audit-all",
      "A trail named org-audit-all already exists: trail names are unique in the account.",
    ],
  ])("checks the name %s as it is typed", async (name, message) => {
    setUpAccount();
    const { user } = await openWizard();
    await user.type(nameField(), name);
    expect(nameField()).toHaveAccessibleDescription(
      expect.stringContaining(message),
    );
    expect(nameField()).toHaveAttribute("aria-invalid", "true");
  });

  it("refuses to go on without a name and puts focus on it", async () => {
    setUpAccount();
    const { user } = await openWizard();
    await next(user);
    expect(nameField()).toHaveFocus();
    expect(nameField()).toHaveAccessibleDescription(
      expect.stringContaining("Enter a name for the trail."),
    );
    expect(
      screen.getByRole("heading", { name: "Step 1 of 3: Basics" }),
    ).toBeInTheDocument();
  });

  it("requires at least one destination and moves focus to the choice", async () => {
    setUpAccount();
    const { user } = await openWizard();
    await fillBasics(user, "new-audit-trail");
    await next(user);
    const oss = screen.getByRole("checkbox", { name: /OSS bucket/ });
    expect(oss).toHaveFocus();
    expect(oss).toHaveAccessibleDescription(
      "Choose at least one destination: OSS, Log Service or MaxCompute.",
    );
  });

  it("checks the bucket name, the key prefix and the MaxCompute ARN", async () => {
    setUpAccount();
    const { user } = await openWizard();
    await fillBasics(user, "new-audit-trail");
    await typeBucket(user, "Bad_Bucket");
    await user.type(
      screen.getByRole("textbox", { name: "Key prefix (optional)" }),
      "1x",
    );
    await user.click(screen.getByRole("checkbox", { name: /MaxCompute/ }));
    await user.type(
      screen.getByRole("textbox", { name: "Project ARN" }),
      "odps-project",
    );
    await next(user);
    expect(screen.getByRole("textbox", { name: "Bucket" })).toHaveFocus();
    expect(
      screen.getByRole("textbox", { name: "Bucket" }),
    ).toHaveAccessibleDescription(
      expect.stringContaining("lowercase letters, digits"),
    );
    expect(
      screen.getByRole("textbox", { name: "Key prefix (optional)" }),
    ).toHaveAccessibleDescription(
      expect.stringContaining("6 to 32 characters (now 2)"),
    );
    expect(
      screen.getByRole("textbox", { name: "Project ARN" }),
    ).toHaveAccessibleDescription(expect.stringContaining("acs:odps:"));
  });

  it("builds the Log Service ARN from the project and its region", async () => {
    setUpAccount();
    const { user } = await openWizard();
    await fillBasics(user, "new-audit-trail");
    await user.click(screen.getByRole("checkbox", { name: /Log Service/ }));
    await user.type(
      screen.getByRole("combobox", { name: "Project" }),
      "ops-central",
    );
    expect(
      screen.getByRole("combobox", { name: "Project region" }),
    ).toHaveValue("cn-shanghai");
    expect(
      screen.getByText(/acs:log:cn-shanghai:\d+:project\/ops-central/),
    ).toBeInTheDocument();
  });

  it("offers the organization trail to the management account and explains it", async () => {
    setUpAccount("admin", { isManagementAccount: true });
    await openWizard();
    expect(
      screen.getByRole("checkbox", { name: "Organization trail" }),
    ).toHaveAccessibleDescription(
      /every member account.*management account of resource directory/,
    );
  });

  it("does not offer the organization trail to other accounts, and says why", async () => {
    setUpAccount("admin", { isManagementAccount: false });
    await openWizard();
    expect(
      screen.queryByRole("checkbox", { name: "Organization trail" }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText(/is not the management account of a resource directory/),
    ).toBeInTheDocument();
  });

  it("keeps the draft across a remount (a reload) and asks before discarding it", async () => {
    setUpAccount();
    const first = await openWizard();
    await first.user.type(nameField(), "half-typed-trail");
    await next(first.user);
    await screen.findByRole("heading", { name: "Step 2 of 3: Delivery" });
    first.unmount();
    expect(sessionStorage.getItem("trailscope.trail-draft")).toContain(
      "half-typed-trail",
    );

    const second = renderApp("/trails/new?region=cn-hangzhou");
    expect(
      await screen.findByRole("heading", { name: "Step 2 of 3: Delivery" }),
    ).toBeInTheDocument();
    await second.user.click(screen.getByRole("button", { name: "Back" }));
    expect(nameField()).toHaveValue("half-typed-trail");
    await second.user.click(screen.getByRole("button", { name: "Cancel" }));
    const dialog = screen.getByRole("dialog", { name: "Discard this trail?" });
    await second.user.click(
      within(dialog).getByRole("button", { name: "Keep editing" }),
    );
    expect(nameField()).toHaveValue("half-typed-trail");
    await second.user.click(screen.getByRole("button", { name: "Cancel" }));
    await second.user.click(
      within(
        screen.getByRole("dialog", { name: "Discard this trail?" }),
      ).getByRole("button", { name: "Discard" }),
    );
    await waitFor(() =>
      expect(currentUrl(second.router)).toBe("/trails?region=cn-hangzhou"),
    );
    expect(useTrailDraftStore.getState().draft).toBeUndefined();
  });
});

describe("trail wizard: the service's refusals land on their step and field", () => {
  it("explains the quota when the region already holds five trails, and keeps the values", async () => {
    const account = setUpAccount();
    for (const name of ["extra-trail-1", "extra-trail-2", "extra-trail-3"]) {
      await rpc("cn-hangzhou", "CreateTrail", {
        Name: name,
        OssBucketName: "ops-logs-hz",
        TrailRegion: "cn-hangzhou",
      }).catch(() => undefined);
      account.trails.set(name, {
        ...account.trails.get("security-writes-hz")!,
        Name: name,
      });
    }
    const { user } = await openWizard();
    expect(screen.getByRole("note")).toHaveTextContent(
      "cn-hangzhou already has 5 of 5 trails",
    );
    await fillBasics(user, "sixth-trail");
    await chooseBucket(user, "web-static-assets-hz");
    await createFromReview(user);
    expect(
      await screen.findByRole("heading", { name: "Step 1 of 3: Basics" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent(
      "MaximumNumberOfTrailsExceededException",
    );
    expect(screen.getByRole("note")).toHaveTextContent(
      "This region already has the maximum of 5 trails",
    );
    expect(nameField()).toHaveValue("sixth-trail");
    await next(user);
    expect(await screen.findByRole("combobox", { name: "Bucket" })).toHaveValue(
      "web-static-assets-hz",
    );
  });

  it("puts TrailAlreadyExistsException on the name (a trail of that name in another region)", async () => {
    setUpAccount();
    const { user } = await openWizard();
    await fillBasics(user, "ops-shanghai-trail");
    await chooseBucket(user, "web-static-assets-hz");
    await createFromReview(user);
    await waitFor(() => expect(nameField()).toHaveFocus());
    expect(nameField()).toHaveAccessibleDescription(
      expect.stringContaining("already exists in the account"),
    );
    expect(screen.getByRole("alert")).toHaveTextContent(
      "TrailAlreadyExistsException",
    );
  });

  it.each([
    [
      "BucketDoesNotExistException",
      "no-such-bucket-42",
      "No OSS bucket with this name exists",
    ],
    [
      "RepeatOssBucket",
      "trailscope-audit-archive",
      "Another trail already delivers to this bucket",
    ],
  ])("puts %s on the bucket", async (code, bucket, explanation) => {
    setUpAccount();
    const { user } = await openWizard();
    await fillBasics(user, "bucket-check-trail");
    await typeBucket(user, bucket);
    await createFromReview(user);
    const field = await screen.findByRole("textbox", { name: "Bucket" });
    await waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveValue(bucket);
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining(explanation),
    );
    expect(screen.getByRole("alert")).toHaveTextContent(code);
    expect(
      screen.getByRole("heading", { name: "Step 2 of 3: Delivery" }),
    ).toBeInTheDocument();
  });

  it("puts SlsProjectDoesNotExistException on the Log Service project", async () => {
    setUpAccount();
    const { user } = await openWizard();
    await fillBasics(user, "sls-check-trail");
    await user.click(screen.getByRole("checkbox", { name: /Log Service/ }));
    await user.type(
      screen.getByRole("combobox", { name: "Project" }),
      "missing-project",
    );
    await createFromReview(user);
    const field = await screen.findByRole("combobox", { name: "Project" });
    await waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining("No Log Service project with this name exists"),
    );
    expect(screen.getByRole("alert")).toHaveTextContent(
      "SlsProjectDoesNotExistException",
    );
  });

  it("maps the service's InvalidDeliveryConfigurationException (no destination) to the destinations", async () => {
    setUpAccount();
    const error = await rpc("cn-hangzhou", "CreateTrail", {
      Name: "no-destination",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe(
      "InvalidDeliveryConfigurationException",
    );
    expect(placeServerError((error as ApiError).code)).toMatchObject({
      step: "delivery",
      field: "destinations",
    });
  });

  it("lets a read-only identity try anyway, and explains NoPermission with the RequestId", async () => {
    setUpAccount("auditor");
    const { user } = await openWizard();
    expect(screen.getByRole("note")).toHaveTextContent("auditor (read-only)");
    await fillBasics(user, "auditor-attempt");
    await chooseBucket(user, "web-static-assets-hz");
    await next(user);
    const create = await screen.findByRole("button", { name: "Create" });
    expect(create).toHaveAttribute("aria-disabled", "true");
    await user.click(screen.getByRole("button", { name: "Try anyway" }));
    await user.click(create);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("NoPermission");
    expect(alert).toHaveTextContent("You are not authorized to do this action");
    expect(alert).toHaveTextContent(/RequestId/);
    expect(alert).toHaveTextContent("RAM denied the action");
  });
});

describe("trail wizard: creating", () => {
  it("creates a trail delivering to OSS and Log Service, starts logging and opens it", async () => {
    const account = setUpAccount();
    const { user, router } = await openWizard();
    await user.click(screen.getByRole("radio", { name: /All events/ }));
    await fillBasics(user, "new-audit-trail");
    await chooseBucket(user, "web-static-assets-hz");
    await user.type(
      screen.getByRole("textbox", { name: "Key prefix (optional)" }),
      "audit/new",
    );
    await user.click(screen.getByRole("checkbox", { name: /Log Service/ }));
    await user.type(
      screen.getByRole("combobox", { name: "Project" }),
      "app-logs-hz",
    );
    await next(user);
    const request = await screen.findByLabelText(
      "CreateTrail request parameters",
    );
    expect(request).toHaveTextContent("Action=CreateTrail");
    expect(request).toHaveTextContent("Name=new-audit-trail");
    expect(request).toHaveTextContent("EventRW=All");
    expect(request).toHaveTextContent(
      `SlsProjectArn=acs%3Alog%3Acn-hangzhou%3A${account.info.accountId}%3Aproject%2Fapp-logs-hz`,
    );
    expect(
      screen.getByRole("checkbox", { name: /Start logging/ }),
    ).toBeChecked();
    await user.click(screen.getByRole("button", { name: "Create" }));
    await waitFor(() =>
      expect(currentUrl(router)).toBe(
        "/trails/new-audit-trail?region=cn-hangzhou",
      ),
    );
    expect(
      await screen.findByText(
        /Trail new-audit-trail created. Logging started./,
      ),
    ).toBeInTheDocument();
    expect(account.trails.get("new-audit-trail")).toMatchObject({
      Status: "Enable",
      EventRW: "All",
      OssKeyPrefix: "audit/new",
    });
    expect(useTrailDraftStore.getState().draft).toBeUndefined();
  });

  it("does not re-send a create whose answer was lost: an identical trail found on reading back counts as created", async () => {
    const account = setUpAccount();
    let creates = 0;
    server.use(
      http.post("*/api/:region/", async ({ request }) => {
        if (new URL(request.url).searchParams.get("Action") !== "CreateTrail")
          return undefined;
        creates += 1;
        // The service created the trail, but the answer never arrived.
        await rpc("cn-hangzhou", "DescribeTrails", {});
        account.trails.set("lost-answer-trail", {
          ...account.trails.get("security-writes-hz")!,
          Name: "lost-answer-trail",
          TrailRegion: "All",
          EventRW: "Write",
          SlsProjectArn: "",
          SlsWriteRoleArn: "",
          OssBucketName: "web-static-assets-hz",
          OssBucketLocation: "cn-hangzhou",
          OssKeyPrefix: "",
          OssWriteRoleArn: "",
          Status: "Fresh",
        });
        return HttpResponse.json(
          {
            RequestId: "LOST",
            Code: "InternalError",
            Message: "gateway timeout",
          },
          { status: 500 },
        );
      }),
    );
    const { user, router } = await openWizard();
    await fillBasics(user, "lost-answer-trail");
    await chooseBucket(user, "web-static-assets-hz");
    await next(user);
    await user.click(
      await screen.findByRole("checkbox", { name: /Start logging/ }),
    );
    await user.click(screen.getByRole("button", { name: "Create" }));
    await waitFor(() =>
      expect(currentUrl(router)).toBe(
        "/trails/lost-answer-trail?region=cn-hangzhou",
      ),
    );
    expect(
      await screen.findByText(/found, identical, on reading the trails back/),
    ).toBeInTheDocument();
    expect(creates).toBe(1);
  });
});
