/**
 * Flattens request parameters the Alibaba Cloud RPC way: arrays of objects
 * become `Name.1.Key`, `Name.1.Value`; arrays of scalars `Name.1`; booleans
 * `true` / `false`; undefined and null are left out.
 */
export function flattenParams(
  params: object,
  prefix = "",
  out = new URLSearchParams(),
): URLSearchParams {
  for (const [key, value] of Object.entries(params)) {
    const name = prefix ? `${prefix}.${key}` : key;
    appendValue(name, value, out);
  }
  return out;
}

function appendValue(name: string, value: unknown, out: URLSearchParams): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) =>
      appendValue(`${name}.${index + 1}`, item, out),
    );
    return;
  }
  if (typeof value === "object") {
    flattenParams(value, name, out);
    return;
  }
  if (
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean" ||
    typeof value === "bigint"
  ) {
    out.append(name, String(value));
  }
}
