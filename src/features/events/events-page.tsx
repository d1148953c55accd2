import { useRegion } from "@/features/regions/use-region";

/** Placeholder until the event search lands. */
export function EventsPage() {
  const { region } = useRegion();
  return (
    <section aria-labelledby="events-title">
      <h1 id="events-title">Events</h1>
      <p>Event search for {region}.</p>
    </section>
  );
}
