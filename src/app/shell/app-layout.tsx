import { msg } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import { Suspense, useEffect, useRef, useState } from "react";
import { NavLink, Outlet, useLocation, useMatches } from "react-router";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { AlertsHeader } from "@/features/alerts/routes";
import { RegionSwitcher } from "@/features/regions/region-switcher";
import { usePrefsStore } from "@/stores/prefs-store";
import type { RouteHandle } from "../route-handle";
import { IdentityBadge } from "./identity-badge";
import { LanguageSwitch } from "./language-switch";
import { useResolvedTheme } from "./theme-sync";

/** The product's name, the same in both languages. */
const BRAND = "Trailscope";

const NAV = [
  { to: "/events", label: msg`Events` },
  { to: "/trails", label: msg`Trails` },
  { to: "/insights", label: msg`Insights` },
  { to: "/investigate", label: msg`Investigate` },
  { to: "/archives", label: msg`Archives` },
  { to: "/alerts", label: msg`Alerts` },
  { to: "/query", label: msg`Query` },
  { to: "/settings", label: msg`Settings` },
];

/**
 * Moves focus to the skip link's target without changing the URL's hash
 * (the router keeps the search in the query string; a hash would stay behind).
 */
function skipTo(event: React.MouseEvent, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: "start" });
}

/** The frame of every screen: skip link, header with navigation, region, language and identity, and the page. */
export function AppLayout() {
  const { t } = useLingui();
  const matches = useMatches();
  const location = useLocation();
  const handle = (matches.at(-1)?.handle ?? {}) as RouteHandle;
  const setTheme = usePrefsStore((s) => s.setTheme);
  const dark = useResolvedTheme() === "dark";
  // Region and open event travel between screens; the rest of a search stays with its screen.
  const region = new URLSearchParams(location.search).get("region");
  const carry = region ? `?region=${encodeURIComponent(region)}` : "";
  // Below 1100 px the navigation and tools fold into a menu (styles.css).
  // It is open on the screen it was opened on: moving to another closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<string>();
  const menuOpen = menuOpenOn === location.pathname;
  const menuButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!menuOpen) return;
    const close = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setMenuOpenOn(undefined);
      menuButton.current?.focus();
    };
    document.addEventListener("keydown", close);
    return () => document.removeEventListener("keydown", close);
  }, [menuOpen]);
  return (
    <div className="app">
      {handle.skipToResults ? (
        <a
          href="#results"
          className="skip-link"
          onClick={(event) => skipTo(event, "results")}
        >
          {t`Skip to results`}
        </a>
      ) : (
        <a
          href="#main"
          className="skip-link"
          onClick={(event) => skipTo(event, "main")}
        >
          {t`Skip to main content`}
        </a>
      )}
      <header className="app-header">
        <a className="brand" href="/events" aria-label={t`Trailscope home`}>
          <img src="/favicon.svg" alt="" width={22} height={22} />
          {` ${BRAND}`}
        </a>
        <button
          ref={menuButton}
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="app-menu"
          onClick={() =>
            setMenuOpenOn(menuOpen ? undefined : location.pathname)
          }
        >
          <span aria-hidden="true">☰ </span>
          {t`Menu`}
        </button>
        <div id="app-menu" className="app-menu" data-open={menuOpen}>
          <nav aria-label={t`Main`}>
            <ul>
              {NAV.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={
                      item.to === "/settings" || item.to === "/alerts"
                        ? item.to
                        : `${item.to}${carry}`
                    }
                  >
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="header-tools">
            {!handle.noRegion && (
              <RegionSwitcher allowAll={Boolean(handle.allRegions)} />
            )}
            <Suspense fallback={null}>
              <AlertsHeader />
            </Suspense>
            <LanguageSwitch />
            <IdentityBadge />
            <button
              type="button"
              className="icon-button"
              aria-label={
                dark ? t`Switch to light theme` : t`Switch to dark theme`
              }
              title={dark ? t`Theme: dark` : t`Theme: light`}
              onClick={() => setTheme(dark ? "light" : "dark")}
            >
              {dark ? "☀" : "☾"}
            </button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <ErrorBoundary label={t`This screen`} resetKey={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
