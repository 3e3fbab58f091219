import type { Host } from "../state/host.ts";
import type { Proc } from "../state/types.ts";

export interface HttpRequest {
  method: string;
  host: string;
  port: number;
  path: string;
}

export interface HttpResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

/**
 * What a simulated program does. The process table only stores the program's
 * name, so behaviour stays code while state stays data.
 */
export interface Program {
  /** Called once when systemd (or a scenario) starts the process: open files, listen. */
  start?(host: Host, proc: Proc): void;
  /** Time passes from `fromMs` to `toMs` for this process. */
  tick?(host: Host, proc: Proc, fromMs: number, toMs: number): void;
  /** Return true if the signal was handled and the process keeps running. */
  onSignal?(host: Host, proc: Proc, sig: number): boolean;
  http?(host: Host, proc: Proc, req: HttpRequest): HttpResponse;
}
