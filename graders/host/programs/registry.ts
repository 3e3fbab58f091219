import { appServer } from "./app-server.ts";
import type { Program } from "./types.ts";

/** Behaviour by name; processes without a program just sit in the table (sshd, cron, ...). */
const PROGRAMS: Record<string, Program> = {
  "app-server": appServer,
  idle: {},
};

export function programFor(name: string): Program {
  const program = PROGRAMS[name];
  if (!program) throw new Error(`unknown program ${name}`);
  return program;
}
