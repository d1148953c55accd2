import { createContext } from "react";
import type { DisplayZone } from "@/lib/time";

/**
 * The zone a part of the screen shows times in when it is not the user's
 * own preference: a shared link's `tz=` wins for that view (the preference
 * itself is left alone). useFormat() reads it; undefined means the preference.
 */
export const DisplayZoneContext = createContext<DisplayZone | undefined>(
  undefined,
);
