// The brand is a registered symbol, so an error made by another copy of plotbrief (a project's own
// install beside the CLI's, say) is still known for what it is; an ordinary Error never carries it.
const USER_ERROR = Symbol.for("plotbrief.user-error");

/**
 * An error the user can cause and fix: bad data, a broken reference, a missing browser. The CLI prints
 * its message alone, without a stack; anything else is a bug in plotbrief.
 */
export class UserError extends Error {
  override name = "UserError";

  static {
    Object.defineProperty(this.prototype, USER_ERROR, { value: true });
  }

  /** `error instanceof UserError` holds for a UserError from any copy of plotbrief. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[USER_ERROR] === true;
  }
}

/** Formats a location the way compilers do, so editors can jump to it: "file:7" or "file". */
export function located(file: string, line: number | undefined, message: string): string {
  return line === undefined ? `${file}: ${message}` : `${file}:${line}: ${message}`;
}

/** Quotes what was found, so that empty strings and spaces are visible. */
export function found(value: unknown): string {
  return value === undefined ? "nothing" : JSON.stringify(value);
}

/**
 * An error in how an author called plotbrief (a column type's options, a unit's definition): whoever
 * loads the author's module names the line of the call, as for any error thrown while loading it.
 */
export function callerError(message: string): UserError {
  return Object.assign(new UserError(message), { atCaller: true });
}

/** Whether an error is about the call that reached plotbrief, not about plotbrief's own line. */
export function isCallerError(error: unknown): boolean {
  return error instanceof UserError && (error as { atCaller?: unknown }).atCaller === true;
}
