/**
 * The process-per-submission baseline's one primitive: start a program with
 * an argument array (never a shell string), wait for it, and parse the one
 * JSON verdict it prints on stdout.
 */
import { spawn } from "node:child_process";

export interface ProcessVerdict {
  verdict: string;
  passed: number;
  total: number;
}

export function runVerdictProcess(command: string, args: string[], timeoutMs: number): Promise<ProcessVerdict> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(out) as ProcessVerdict);
      } catch {
        reject(new Error(`${command} exited ${code}: ${err.slice(-500) || out.slice(-500)}`));
      }
    });
  });
}
