import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import type { AuditEvent } from "@/api/schemas/event";
import type { EventSearchLink } from "@/lib/event-search-url";

/**
 * Starter searches for the audit questions asked most, built from
 * ActionTrail's own event names and fields (no account's names): they work
 * in any account. Conditions are exact and ANDed; where a question spans
 * several event names (StopInstance and StopInstances; the policy calls) the
 * starter narrows by service and Write on the server and refines by the
 * common part of the names in the browser.
 */
export interface StarterSearch {
  id: string;
  title: MessageDescriptor;
  /** What it finds and how, shown under the title. */
  about: MessageDescriptor;
  /** A value the starter asks for (an AccessKey ID, an instance ID). */
  asks?: {
    label: MessageDescriptor;
    required: boolean;
    /** The open event's value for it, offered first. */
    fromEvent: (event: AuditEvent) => string;
  };
  build: (value: string) => EventSearchLink;
}

export const STARTER_SEARCHES: readonly StarterSearch[] = [
  {
    id: "stopped-instance",
    title: msg`Who stopped an instance`,
    about: msg`ECS write events whose text names StopInstance (StopInstance and StopInstances), last 30 days.`,
    asks: {
      label: msg`Instance ID (optional)`,
      required: false,
      fromEvent: (e) =>
        e.service === "Ecs" && e.resourceType === "ACS::ECS::Instance"
          ? e.resourceName
          : "",
    },
    build: (instance) => ({
      range: "30d",
      rw: "Write",
      filters: [
        { key: "ServiceName", value: "Ecs" },
        ...(instance ? [{ key: "ResourceName", value: instance }] : []),
      ],
      refine: "StopInstance",
    }),
  },
  {
    id: "access-key",
    title: msg`Everything an AccessKey did`,
    about: msg`Every event signed with this AccessKey ID, last 30 days.`,
    asks: {
      label: msg`AccessKey ID`,
      required: true,
      fromEvent: (e) => e.accessKeyId,
    },
    build: (key) => ({
      range: "30d",
      filters: [{ key: "EventAccessKeyId", value: key }],
    }),
  },
  {
    id: "failed-signins",
    title: msg`All failed sign-ins`,
    about: msg`ConsoleSignin events with an error code, last 30 days.`,
    build: () => ({
      range: "30d",
      filters: [
        { key: "EventType", value: "ConsoleSignin" },
        { key: "Result", value: "Failure" },
      ],
    }),
  },
  {
    id: "policy-changes",
    title: msg`All policy changes`,
    about: msg`RAM write events whose text names a policy: AttachPolicyToUser/Role/Group, DetachPolicyFrom…, CreatePolicy, CreatePolicyVersion, SetDefaultPolicyVersion, DeletePolicy…, last 30 days.`,
    build: () => ({
      range: "30d",
      rw: "Write",
      filters: [{ key: "ServiceName", value: "Ram" }],
      refine: "Policy",
    }),
  },
];
