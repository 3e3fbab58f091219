import type { Host } from "../state/host.ts";
import type { Proc, Unit } from "../state/types.ts";

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
  /** "1.0" for servers that answer HTTP/1.0 (Python's http.server); 1.1 otherwise. */
  httpVersion?: string;
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
  /**
   * A control command of a Type=forking unit (ExecStartPre=, ExecStart=, ExecReload=, ExecStop=),
   * run by systemd as the short-lived process `ctl`; returns its exit status.
   */
  control?(host: Host, unit: Unit, argv: string[], ctl: Proc): number;
  /** A TLS listener: the certificate chain (PEM, leaf first) it presents on `port` for SNI `serverName`; null if that port is plain TCP. */
  tls?(host: Host, proc: Proc, port: number, serverName: string | null): string | null;
}
