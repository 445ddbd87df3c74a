/**
 * An error the user can cause and fix: bad data, a broken reference, a missing browser. The CLI prints
 * its message alone, without a stack; anything else is a bug in plotbrief.
 */
export class UserError extends Error {
  override name = "UserError";
}

/** Formats a location the way compilers do, so editors can jump to it: "file:7" or "file". */
export function located(file: string, line: number | undefined, message: string): string {
  return line === undefined ? `${file}: ${message}` : `${file}:${line}: ${message}`;
}

/** Quotes what was found, so that empty strings and spaces are visible. */
export function found(value: unknown): string {
  return value === undefined ? "nothing" : JSON.stringify(value);
}
