/** Placeholder until the trails screens land. */
export function TrailsPage() {
  return (
    <section aria-labelledby="trails-title">
      <h1 id="trails-title">Trails</h1>
    </section>
  );
}
