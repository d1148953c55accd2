import { useLingui } from "@lingui/react/macro";
import { plural } from "@lingui/core/macro";
import { useState } from "react";
import { useLocation } from "react-router";
import { Dialog } from "@/components/ui/dialog";
import { useFormat } from "@/components/i18n/use-format";
import { SafeText } from "@/components/ui/safe-text";
import type { Firing, Notice } from "@/stores/alerts-store";
import { useCentre, type Centre } from "./centre-source";
import { FiringView } from "./firing-view";

/** Unread first, then newest first. */
export const orderNotices = (notices: readonly Notice[]): Notice[] =>
  [...notices].sort((a, b) => Number(a.read) - Number(b.read) || b.at - a.at);

/** The header's bell: how many notices are unread, and the centre that lists them. */
export function NotificationCentre() {
  const { t } = useLingui();
  const centre = useCentre();
  const { notices } = centre;
  // Open on the page it was opened on: following a link to an event closes it.
  const location = useLocation();
  const [openOn, setOpenOn] = useState<string>();
  const open = openOn === location.key;
  const setOpen = (on: boolean) => setOpenOn(on ? location.key : undefined);
  const unread = notices.filter((n) => !n.read).length;
  return (
    <>
      <button
        type="button"
        className="icon-button notification-button"
        aria-haspopup="dialog"
        aria-label={
          unread
            ? plural(unread, {
                one: "Notifications, # unread",
                other: "Notifications, # unread",
              })
            : t`Notifications`
        }
        onClick={() => setOpen(true)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="unread-count" aria-hidden="true">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <Dialog
          open
          className="notification-centre"
          title={t`Notifications`}
          onClose={() => setOpen(false)}
          footer={
            <button type="button" onClick={() => setOpen(false)}>
              {t`Close`}
            </button>
          }
        >
          <CentreBody centre={centre} />
        </Dialog>
      )}
    </>
  );
}

/** A bell drawn inline (no icon font, no emoji font needed). */
function BellIcon() {
  return (
    <svg
      aria-hidden="true"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinejoin="round"
    >
      <path d="M4 11V7a4 4 0 0 1 8 0v4l1.5 1.5h-11z" />
      <path d="M6.5 14a1.5 1.5 0 0 0 3 0" />
    </svg>
  );
}

function CentreBody({ centre }: { centre: Centre }) {
  const { t } = useLingui();
  const { notices, markRead, firings } = centre;
  const unread = notices.filter((n) => !n.read).map((n) => n.id);
  return (
    <>
      <div className="button-row">
        <button
          type="button"
          disabled={unread.length === 0}
          onClick={() => markRead(unread)}
        >
          {t`Mark all read`}
        </button>
        <BrowserPermission />
      </div>
      {notices.length === 0 ? (
        <p>{t`No notifications. Firings of your alert rules and trail delivery warnings appear here.`}</p>
      ) : (
        <ul className="notice-list">
          {orderNotices(notices).map((notice) => (
            <li key={notice.id} data-read={notice.read}>
              <NoticeItem notice={notice} firings={firings} />
              {!notice.read && (
                <button type="button" onClick={() => markRead([notice.id])}>
                  {t`Mark read`}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function NoticeItem({
  notice,
  firings,
}: {
  notice: Notice;
  firings: readonly Firing[];
}) {
  const { t } = useLingui();
  const { timeWithZone } = useFormat();
  const firing = firings.find((f) => f.id === notice.firingId);
  const status = notice.read ? t`Read` : t`Unread`;
  if (notice.kind === "firing")
    return firing ? (
      <div aria-label={status} role="group">
        <span className="muted">{status}</span>
        <FiringView firing={firing} />
      </div>
    ) : (
      <p>{t`A firing no longer kept.`}</p>
    );
  const trail = notice.trail ?? "";
  const heading =
    notice.kind === "destination-warning"
      ? notice.level === "destination-paused"
        ? t`A destination was paused`
        : t`A notification could not be delivered`
      : notice.kind === "delivery-warning"
        ? notice.level === "stopped"
          ? t`Trail ${trail} stopped logging`
          : notice.level === "late"
            ? t`Trail ${trail} has not delivered for longer than expected`
            : t`Trail ${trail} failed to deliver`
        : notice.level === "recovered"
          ? t`Trail ${trail} is delivering again`
          : t`Trail ${trail} delivered`;
  return (
    <div role="group" aria-label={status}>
      <span className="muted">{status}</span>
      <h3 className="firing-title">{heading}</h3>
      <p>
        {timeWithZone(notice.at)}
        {notice.code && (
          <>
            {" · "}
            <code>{notice.code}</code>
          </>
        )}
      </p>
      {notice.detail && <SafeText value={notice.detail} maxLength={300} />}
      {notice.kind === "destination-warning" && firing && (
        <p className="muted">
          {t`For the firing of`}{" "}
          <SafeText value={firing.ruleName} maxLength={120} />
        </p>
      )}
    </div>
  );
}

/** Offers the browser's notifications while the user has not decided. */
function BrowserPermission() {
  const { t } = useLingui();
  const [permission, setPermission] = useState(() =>
    typeof Notification === "undefined"
      ? "unsupported"
      : Notification.permission,
  );
  if (permission === "unsupported" || permission === "granted") return null;
  if (permission === "denied")
    return (
      <p className="muted">{t`Browser notifications are blocked for this site.`}</p>
    );
  return (
    <button
      type="button"
      onClick={() => void Notification.requestPermission().then(setPermission)}
    >
      {t`Also notify me through the browser`}
    </button>
  );
}
