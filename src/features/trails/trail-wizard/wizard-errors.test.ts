import { describe, expect, it } from "vitest";
import { placeServerError } from "./wizard-errors";

describe("placeServerError", () => {
  it.each([
    ["MaximumNumberOfTrailsExceededException", "basics", "quota"],
    ["TrailAlreadyExistsException", "basics", "name"],
    ["InvalidTrailNameException", "basics", "name"],
    [
      "MaximumNumberOfOrganizationTrailExceeded",
      "basics",
      "isOrganizationTrail",
    ],
    ["BucketDoesNotExistException", "delivery", "ossBucketName"],
    ["RepeatOssBucket", "delivery", "ossBucketName"],
    ["InvalidPrefixException", "delivery", "ossKeyPrefix"],
    ["SlsProjectDoesNotExistException", "delivery", "slsProjectName"],
    ["InvalidDeliveryConfigurationException", "delivery", "destinations"],
    ["NoPermission", "review", "form"],
  ])("puts %s on the %s step at %s", (code, step, field) => {
    const placement = placeServerError(code);
    expect(placement).toMatchObject({ step, field });
    expect(placement.explanation.length).toBeGreaterThan(20);
  });

  it("keeps codes the form cannot act on (throttling, server errors) on the review step", () => {
    expect(placeServerError("InternalError")).toMatchObject({
      step: "review",
      field: "form",
    });
    expect(placeServerError("Throttling.User")).toMatchObject({
      step: "review",
      field: "form",
    });
  });

  it("explains the quota in terms of the region's five trails", () => {
    expect(
      placeServerError("MaximumNumberOfTrailsExceededException").explanation,
    ).toMatch(/5 trails/);
  });
});
