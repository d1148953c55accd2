import { useLingui } from "@lingui/react/macro";
import { FieldError, fieldId, fieldProps } from "./field";
import type { FieldErrors } from "./validation";

interface RoleFieldProps {
  field: "ossWriteRole" | "slsWriteRole" | "maxComputeWriteRoleArn";
  label: string;
  value: string;
  errors: FieldErrors;
  roles: string[] | undefined;
  onChange: (value: string) => void;
}

/** A RAM role the service delivers with: one of the account's roles, or typed when the console does not know them. */
export function RoleField({
  field,
  label,
  value,
  errors,
  roles,
  onChange,
}: RoleFieldProps) {
  const { t } = useLingui();
  return (
    <div className="field">
      <label htmlFor={fieldId(field)}>{t`${label} (optional)`}</label>
      {roles && roles.length > 0 ? (
        <select
          {...fieldProps(field, errors)}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{t`Service-linked default role`}</option>
          {roles.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
          {value && !roles.includes(value) && (
            <option value={value}>{value}</option>
          )}
        </select>
      ) : (
        <input
          {...fieldProps(field, errors)}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={value}
          placeholder={t`Role name or acs:ram::<account>:role/<name>`}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <FieldError field={field} errors={errors} />
    </div>
  );
}
