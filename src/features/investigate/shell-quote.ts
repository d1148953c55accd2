/**
 * POSIX shell quoting for suggested commands: plain words stay as they are,
 * everything else goes in single quotes ('…'\''…'). Returns undefined for a
 * value no command should carry (NUL, other control characters) so the caller
 * can refuse to suggest one.
 */
export function shellQuote(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(value)) return undefined;
  if (/^[A-Za-z0-9_.,:/=@%+-]+$/.test(value) && !value.startsWith("-"))
    return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
