import { msg } from "@lingui/core/macro";
import type { MessageDescriptor } from "@lingui/core";
import type {
  AlertSeverity,
  ConsoleDestination,
  RunOutcome,
} from "@/stores/alerts-store";

export const SEVERITY_LABELS: Record<AlertSeverity, MessageDescriptor> = {
  low: msg`Low`,
  medium: msg`Medium`,
  high: msg`High`,
  critical: msg`Critical`,
};

export const OUTCOME_LABELS: Record<RunOutcome, MessageDescriptor> = {
  fired: msg`Fired`,
  quiet: msg`Matched, kept quiet (quiet period)`,
  below: msg`Below the threshold`,
  failed: msg`Run failed`,
};

export const DESTINATION_LABELS: Record<ConsoleDestination, MessageDescriptor> =
  {
    centre: msg`Notification centre`,
    browser: msg`Browser notification`,
  };
