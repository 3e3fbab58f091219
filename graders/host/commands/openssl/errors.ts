import type { Runtime } from "../../shell/runtime.ts";
import { hash32 } from "../../state/rng.ts";

/**
 * OpenSSL 3.0 error-queue lines start with the thread id, printed as a
 * pointer ("80FBF4B0B07F0000"); it is stable for a session here.
 */
export function threadId(rt: Runtime): string {
  const h = hash32("openssl-thread", rt.shellPid, rt.host.state.seed);
  return `80${(h >>> 0).toString(16).toUpperCase().padStart(8, "0")}7F0000`;
}

export function unknownOption(cmd: string, opt: string): string {
  return `${cmd}: Unknown option: ${opt}\n${cmd}: Use -help for summary.\n`;
}

export function needsValue(cmd: string, opt: string): string {
  return `${cmd}: Option ${opt} needs a value\n${cmd}: Use -help for summary.\n`;
}
