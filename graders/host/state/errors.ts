/**
 * Errors raised by the host model carry the errno name so each tool can print
 * its own GNU wording ("cannot access", "cannot remove", ...) around the
 * kernel's strerror text, exactly like the real tools do.
 */
export type Errno =
  | "ENOENT" | "EACCES" | "EPERM" | "ENOTDIR" | "EISDIR" | "EEXIST" | "ENOTEMPTY"
  | "ENOSPC" | "ELOOP" | "EINVAL" | "ESRCH" | "EXDEV" | "EFBIG" | "EBUSY" | "EROFS";

/** glibc strerror() texts, which is what coreutils prints after the path. */
export const STRERROR: Record<Errno, string> = {
  ENOENT: "No such file or directory",
  EACCES: "Permission denied",
  EPERM: "Operation not permitted",
  ENOTDIR: "Not a directory",
  EISDIR: "Is a directory",
  EEXIST: "File exists",
  ENOTEMPTY: "Directory not empty",
  ENOSPC: "No space left on device",
  ELOOP: "Too many levels of symbolic links",
  EINVAL: "Invalid argument",
  ESRCH: "No such process",
  EXDEV: "Invalid cross-device link",
  EFBIG: "File too large",
  EBUSY: "Device or resource busy",
  EROFS: "Read-only file system",
};

export class SysError extends Error {
  readonly code: Errno;
  readonly path: string;
  constructor(code: Errno, path: string, syscall = "access") {
    // These are expected outcomes (tryResolve probes with them), not bugs: skip the costly stack capture.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    // Node-style message: just-bash's built-in tools recognise "ENOENT:"-prefixed messages.
    super(`${code}: ${STRERROR[code].toLowerCase()}, ${syscall} '${path}'`);
    Error.stackTraceLimit = limit;
    this.code = code;
    this.path = path;
  }
  get text(): string {
    return STRERROR[this.code];
  }
}

export function isSysError(e: unknown): e is SysError {
  return e instanceof SysError;
}
