import { i18n } from "@lingui/core";
import type { Detection } from "./types";

/** A detection with its words in English (the source language), as the tests read them. */
export interface DetectionInWords extends Omit<
  Detection,
  "title" | "explanation" | "evidence" | "pivots"
> {
  title: string;
  explanation: string;
  evidence: {
    label: string;
    values: string[];
    times?: boolean;
    note?: string;
  }[];
  pivots: { label: string; filters: Detection["filters"] }[];
}

export function inWords(d: Detection): DetectionInWords {
  return {
    ...d,
    title: i18n._(d.title),
    explanation: i18n._(d.explanation),
    evidence: d.evidence.map(({ label, note, ...rest }) => ({
      ...rest,
      label: i18n._(label),
      ...(note ? { note: i18n._(note) } : {}),
    })),
    pivots: d.pivots.map((p) => ({ ...p, label: i18n._(p.label) })),
  };
}

/** A detector whose detections come back in English words. */
export const inEnglish =
  <A extends unknown[]>(detect: (...args: A) => Detection[]) =>
  (...args: A): DetectionInWords[] =>
    detect(...args).map(inWords);
