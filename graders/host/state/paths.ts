/** Lexical path handling (no filesystem access), as the kernel sees strings. */

export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}

export function joinPath(cwd: string, path: string): string {
  return normalizePath(path.startsWith("/") ? path : `${cwd}/${path}`);
}

export function splitPath(abs: string): string[] {
  return abs.split("/").filter((p) => p !== "");
}

export function dirname(abs: string): string {
  const parts = splitPath(abs);
  parts.pop();
  return "/" + parts.join("/");
}

export function basename(abs: string): string {
  const parts = splitPath(abs);
  return parts[parts.length - 1] ?? "/";
}
