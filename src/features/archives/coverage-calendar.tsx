import { plural } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";
import type { CoverageDay, RegionCoverage } from "@/lib/archive/coverage";

/** Files a busy day holds at one file per five minutes. */
const FULL_DAY = 288;

function level(day: CoverageDay): string {
  if (day.files === 0) return "none";
  if (day.files >= FULL_DAY / 2) return "full";
  if (day.files >= FULL_DAY / 12) return "some";
  return "few";
}

/**
 * The files counted against ActionTrail's delivery rhythm (a file about every
 * five minutes while there is activity): how many per active day, the
 * longest silence within a day, and files whose names declare other counts.
 */
function DeliveryRhythm({ coverage }: { coverage: RegionCoverage }) {
  const { t } = useLingui();
  const { number } = useFormat();
  const files = number(coverage.files);
  const days = coverage.activeDays;
  const perDay = number(Math.round(coverage.files / Math.max(1, days)));
  const silence = coverage.longestSilence;
  const mismatch = coverage.mismatch;
  const missing = number(mismatch?.missing ?? 0);
  const mismatchFiles = mismatch?.files ?? 0;
  const silentDay = silence?.day;
  const silentFrom = silence?.from;
  const silentTo = silence?.to;
  const hours = silence ? Math.floor(silence.minutes / 60) : 0;
  const minutes = silence ? silence.minutes % 60 : 0;
  const length = hours ? t`${hours} h ${minutes} min` : t`${minutes} min`;
  return (
    <div className="delivery-rhythm">
      <p className="muted">
        {plural(days, {
          one: `${files} files on # day with files, ${perDay} a day; a busy day holds up to 288 (one every five minutes while there is activity).`,
          other: `${files} files on # days with files, ${perDay} a day on average; a busy day holds up to 288 (one every five minutes while there is activity).`,
        })}
      </p>
      {silence && silence.minutes > 15 && (
        <p className="muted">
          {t`Longest time without a file within a day: ${length} on ${silentDay}, from ${silentFrom} to ${silentTo} (as the file names write times). A quiet spell and missing deliveries look the same here; compare with the event search for that time.`}
        </p>
      )}
      {mismatch && (
        <p className="delivery-mismatch">
          {mismatch.missing > 0
            ? plural(mismatchFiles, {
                one: `# file holds fewer events than its name declares (${missing} missing).`,
                other: `# files hold fewer events than their names declare (${missing} missing).`,
              })
            : plural(mismatchFiles, {
                one: "# file holds other event counts than its name declares.",
                other:
                  "# files hold other event counts than their names declare.",
              })}
        </p>
      )}
    </div>
  );
}

/** Months of a region's days: rows of up to 31 cells. */
function months(days: readonly CoverageDay[]): [string, CoverageDay[]][] {
  const byMonth = new Map<string, CoverageDay[]>();
  for (const day of days) {
    const month = day.day.slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), day]);
  }
  return [...byMonth.entries()];
}

/**
 * One region's coverage: the gaps named in words first, then a calendar of
 * days (a table: a row per month, a cell per day, each cell's files and
 * events in its accessible name and tooltip).
 */
export function CoverageCalendar({ coverage }: { coverage: RegionCoverage }) {
  const { t } = useLingui();
  const { number } = useFormat();
  const region = coverage.region;
  const first = coverage.first;
  const last = coverage.last;
  const fileCount = coverage.files;
  const eventCount = coverage.events;
  return (
    <section className="coverage-region" aria-label={region}>
      <h3>
        <code>{region}</code>{" "}
        <span className="muted">
          {t`${first} to ${last}`} ·{" "}
          {plural(fileCount, { one: "# file", other: "# files" })} ·{" "}
          {plural(eventCount, { one: "# event", other: "# events" })}
        </span>
      </h3>
      <DeliveryRhythm coverage={coverage} />
      {coverage.gaps.length === 0 ? (
        <p>{t`A file for every day from the first to the last.`}</p>
      ) : (
        <ul className="coverage-gaps">
          {coverage.gaps.map((gap) => {
            const from = gap.from;
            const to = gap.to;
            return (
              <li key={gap.from}>
                {gap.from === gap.to
                  ? t`No file for ${region} on ${from}`
                  : t`No file for ${region} from ${from} to ${to}`}
              </li>
            );
          })}
        </ul>
      )}
      <div className="coverage-calendar-wrap">
        <table className="coverage-calendar">
          <caption className="visually-hidden">
            {t`Files delivered per day in ${region}`}
          </caption>
          <tbody>
            {months(coverage.days).map(([month, days]) => (
              <tr key={month}>
                <th scope="row">{month}</th>
                {days.map((day) => {
                  const files = number(day.files);
                  const events = number(day.events);
                  const date = day.day;
                  const label =
                    day.files === 0
                      ? t`${date}: no file`
                      : t`${date}: ${files} files, ${events} events`;
                  return (
                    <td
                      key={day.day}
                      className={`day ${level(day)}`}
                      title={label}
                      aria-label={label}
                    >
                      {day.day.slice(8)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
