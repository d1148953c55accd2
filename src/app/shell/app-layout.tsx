import { NavLink, Outlet, useLocation, useMatches } from "react-router";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { RegionSwitcher } from "@/features/regions/region-switcher";
import { usePrefsStore } from "@/stores/prefs-store";
import type { RouteHandle } from "../route-handle";
import { IdentityBadge } from "./identity-badge";
import { useResolvedTheme } from "./theme-sync";

const NAV = [
  { to: "/events", label: "Events" },
  { to: "/trails", label: "Trails" },
  { to: "/insights", label: "Insights" },
  { to: "/investigate", label: "Investigate" },
  { to: "/settings", label: "Settings" },
];

/** The frame of every screen: skip link, header with navigation, region and identity, and the page. */
export function AppLayout() {
  const matches = useMatches();
  const location = useLocation();
  const handle = (matches.at(-1)?.handle ?? {}) as RouteHandle;
  const theme = usePrefsStore((s) => s.theme);
  const setTheme = usePrefsStore((s) => s.setTheme);
  const dark = useResolvedTheme() === "dark";
  // Region and open event travel between screens; the rest of a search stays with its screen.
  const region = new URLSearchParams(location.search).get("region");
  const carry = region ? `?region=${encodeURIComponent(region)}` : "";
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="app-header">
        <a className="brand" href="/events" aria-label="Trailscope home">
          <img src="/favicon.svg" alt="" width={22} height={22} /> Trailscope
        </a>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to === "/settings" ? item.to : `${item.to}${carry}`}
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          {!handle.noRegion && (
            <RegionSwitcher allowAll={Boolean(handle.allRegions)} />
          )}
          <IdentityBadge />
          <button
            type="button"
            className="icon-button"
            aria-label={dark ? "Switch to light theme" : "Switch to dark theme"}
            title={`Theme: ${theme}`}
            onClick={() => setTheme(dark ? "light" : "dark")}
          >
            {dark ? "☀" : "☾"}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <ErrorBoundary label="This screen" resetKey={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
