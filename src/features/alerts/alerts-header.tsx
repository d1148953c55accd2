import "./alerts.css";
import { AlertScheduler } from "./alert-scheduler";
import { NotificationCentre } from "./notification-centre";

/** What alerts put in the header: the notification centre, and the scheduler that runs the rules while the console is open. */
export function AlertsHeader() {
  return (
    <>
      <AlertScheduler />
      <NotificationCentre />
    </>
  );
}
