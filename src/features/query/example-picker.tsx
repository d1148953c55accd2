import { useLingui } from "@lingui/react/macro";
import type { ExampleQuery } from "./examples";

/** "Example queries": choosing one puts its text in the editor. */
export function ExamplePicker({
  examples,
  onPick,
}: {
  examples: readonly ExampleQuery[];
  onPick: (text: string) => void;
}) {
  const { t } = useLingui();
  return (
    <label>
      {t`Example queries`}{" "}
      <select
        value=""
        onChange={(e) => {
          const example = examples.find((x) => x.id === e.target.value);
          if (example) onPick(example.sql);
        }}
      >
        <option value="">{t`Choose an example…`}</option>
        {examples.map((example) => (
          <option key={example.id} value={example.id}>
            {t(example.title)}
          </option>
        ))}
      </select>
    </label>
  );
}
