/**
 * Every zustand store the console creates, reset between tests: zustand's
 * recommended test setup (a wrapper around `create` that remembers each
 * store's initial state), so no test sees another's preferences, case files
 * or wizard draft. Used by setup.ts through `vi.mock("zustand")`.
 */
import type * as Zustand from "zustand";

const resets = new Set<() => void>();

/** Resets every store created since the test run started to its initial state. */
export function resetAllStores(): void {
  for (const reset of resets) reset();
}

export function trackedZustand(actual: typeof Zustand): typeof Zustand {
  const track = <S>(store: Zustand.StoreApi<S>) => {
    const initial = store.getInitialState();
    resets.add(() => store.setState(initial, true));
    return store;
  };
  const create = (<S>(creator?: Zustand.StateCreator<S>) => {
    if (!creator) return (c: Zustand.StateCreator<S>) => create(c) as unknown;
    const hook = actual.create(creator);
    track(hook);
    return hook;
  }) as typeof actual.create;
  const createStore = (<S>(creator?: Zustand.StateCreator<S>) => {
    if (!creator)
      return (c: Zustand.StateCreator<S>) => createStore(c) as unknown;
    return track(actual.createStore(creator));
  }) as typeof actual.createStore;
  return { ...actual, create, createStore };
}
