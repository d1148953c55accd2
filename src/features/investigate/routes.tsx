import type { RouteObject } from "react-router";

/** Investigation screens (identity, resource, case files); filled in by the insights work. */
export const investigateRoutes: RouteObject[] = [];
