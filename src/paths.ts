// Confining a build to its project: a path is inside the project folder only if it is once links are
// resolved, so that neither "..", an absolute path nor a symbolic link reaches a file elsewhere.
import { realpathSync } from "node:fs";
import { isAbsolute, relative, sep } from "node:path";

/** Whether `path` lies outside `folder`, as written. */
export function isOutside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

/**
 * Where `path` really is, if that is outside `root` (following links); undefined when it is inside, or
 * does not exist (reading it then says so).
 */
export function linkedOutside(root: string, path: string): string | undefined {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return undefined;
  }
  return isOutside(realpathSync(root), real) ? real : undefined;
}
