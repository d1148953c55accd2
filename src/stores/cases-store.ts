import { t } from "@lingui/core/macro";
import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import type { RawEvent } from "@/api/schemas/event";

/** The search that found a pinned event: where to reopen it and the absolute time range it covered. */
export interface CaseSearch {
  label: string;
  /** App-relative link (an event search or an investigation). */
  href: string;
  /** Absolute UTC range, ISO. */
  from: string;
  to: string;
}

export interface PinnedEvent {
  id: string;
  region: string;
  time: string;
  name: string;
  userName: string;
  pinnedAt: string;
  note: string;
  search: CaseSearch;
  /** The event exactly as the service sent it (exports are byte-faithful). */
  raw: RawEvent;
}

export interface Case {
  id: string;
  name: string;
  createdAt: string;
  notes: string;
  events: PinnedEvent[];
}

interface CasesState {
  cases: Case[];
  activeCaseId: string | undefined;
  createCase: (name: string) => string;
  renameCase: (id: string, name: string) => void;
  deleteCase: (id: string) => void;
  setActiveCase: (id: string | undefined) => void;
  setNotes: (id: string, notes: string) => void;
  pin: (caseId: string, event: Omit<PinnedEvent, "pinnedAt" | "note">) => void;
  unpin: (caseId: string, eventId: string) => void;
  setEventNote: (caseId: string, eventId: string, note: string) => void;
}

const newId = (): string =>
  typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `case-${Date.now()}-${Math.random().toString(36).slice(2)}`;

const update = (cases: Case[], id: string, change: (c: Case) => Case): Case[] =>
  cases.map((c) => (c.id === id ? change(c) : c));

/** Case files: named sets of pinned events with notes, kept in this browser (localStorage). */
export const useCasesStore = create<CasesState>()(
  persist(
    (set) => ({
      cases: [],
      activeCaseId: undefined,
      createCase: (name) => {
        const id = newId();
        set((s) => ({
          cases: [
            ...s.cases,
            {
              id,
              name: name.trim() || t`Untitled case`,
              createdAt: new Date().toISOString(),
              notes: "",
              events: [],
            },
          ],
          activeCaseId: id,
        }));
        return id;
      },
      renameCase: (id, name) =>
        set((s) => ({
          cases: update(s.cases, id, (c) => ({
            ...c,
            name: name.trim() || c.name,
          })),
        })),
      deleteCase: (id) =>
        set((s) => ({
          cases: s.cases.filter((c) => c.id !== id),
          activeCaseId: s.activeCaseId === id ? undefined : s.activeCaseId,
        })),
      setActiveCase: (activeCaseId) => set({ activeCaseId }),
      setNotes: (id, notes) =>
        set((s) => ({ cases: update(s.cases, id, (c) => ({ ...c, notes })) })),
      pin: (caseId, event) =>
        set((s) => ({
          cases: update(s.cases, caseId, (c) =>
            c.events.some((e) => e.id === event.id)
              ? c
              : {
                  ...c,
                  events: [
                    ...c.events,
                    { ...event, pinnedAt: new Date().toISOString(), note: "" },
                  ],
                },
          ),
        })),
      unpin: (caseId, eventId) =>
        set((s) => ({
          cases: update(s.cases, caseId, (c) => ({
            ...c,
            events: c.events.filter((e) => e.id !== eventId),
          })),
        })),
      setEventNote: (caseId, eventId, note) =>
        set((s) => ({
          cases: update(s.cases, caseId, (c) => ({
            ...c,
            events: c.events.map((e) =>
              e.id === eventId ? { ...e, note } : e,
            ),
          })),
        })),
    }),
    {
      name: "trailscope.cases",
      version: 1,
      storage: createJSONStorage(() => localStorage),
    },
  ),
);
