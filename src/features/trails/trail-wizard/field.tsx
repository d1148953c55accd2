import type { FieldErrors, TrailField } from "./validation";

/** The DOM id of a form field, so errors can point at it and focus can land on it. */
export const fieldId = (field: TrailField): string => `trail-field-${field}`;
export const errorId = (field: TrailField): string =>
  `trail-field-${field}-error`;

/** aria wiring for an input that may carry an error (and a hint). */
export function fieldProps(
  field: TrailField,
  errors: FieldErrors,
  hintId?: string,
) {
  const error = errors[field];
  const describedBy = [error ? errorId(field) : undefined, hintId]
    .filter(Boolean)
    .join(" ");
  return {
    id: fieldId(field),
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy || undefined,
  } as const;
}

/** The error of one field, right under it. */
export function FieldError({
  field,
  errors,
}: {
  field: TrailField;
  errors: FieldErrors;
}) {
  const error = errors[field];
  if (!error) return null;
  return (
    <p id={errorId(field)} className="field-error">
      {error}
    </p>
  );
}
