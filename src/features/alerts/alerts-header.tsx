import "./alerts.css";
import { AlertScheduler } from "./alert-scheduler";
import { GatewayNotifier } from "./gateway-notifier";
import { NotificationCentre } from "./notification-centre";
import { useGatewayAlerts } from "./queries";

/**
 * What alerts put in the header: the notification centre, and the scheduler
 * that runs the rules while the console is open — unless the gateway keeps
 * and runs them (live mode with gateway alerts), when the centre shows the
 * gateway's firings and notices instead.
 */
export function AlertsHeader() {
  const onGateway = useGatewayAlerts();
  return (
    <>
      {onGateway ? <GatewayNotifier /> : <AlertScheduler />}
      <NotificationCentre />
    </>
  );
}
