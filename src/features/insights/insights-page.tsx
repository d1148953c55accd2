/** Placeholder until the insights screens land. */
export function InsightsPage() {
  return (
    <section aria-labelledby="insights-title">
      <h1 id="insights-title">Insights</h1>
    </section>
  );
}
