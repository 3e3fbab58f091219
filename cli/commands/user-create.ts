/**
 * `prodloop user create --email E --role candidate|mentor|admin`
 *
 * The password is read from stdin when it is piped (`echo pw | …`), or
 * prompted twice without echo on a terminal; never from argv, where it would
 * land in shell history and `ps`. Applies pending migrations first, so it
 * works on a fresh clone before the server ever started.
 */
import { z } from "zod";
import { EmailSchema, PasswordSchema } from "../../lib/auth/credentials.ts";
import { ROLES } from "../../lib/auth/roles.ts";
import { disconnectDb, getDb } from "../../lib/db/client.ts";
import { ensureMigrated } from "../../lib/db/ensure-migrated.ts";
import { AppError } from "../../lib/errors.ts";
import { insertUser, prepareUser } from "../../lib/users/create-user.ts";
import type { Role } from "../../lib/view-types.ts";

const USAGE = "usage: prodloop user create --email <email> --role candidate|mentor|admin   (password on stdin or prompted)";

const ArgsSchema = z.object({
  email: EmailSchema,
  role: z.enum(ROLES as [Role, ...Role[]], { error: `role must be one of: ${ROLES.join(", ")}` }),
});

function parseFlags(argv: string[]): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const m = /^--(email|role)(?:=(.*))?$/.exec(arg);
    if (!m) return `unknown argument "${arg}"`;
    const value = m[2] ?? argv[++i];
    if (value === undefined) return `--${m[1]} needs a value`;
    out[m[1] as string] = value;
  }
  return out;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  // Only the line terminator is stripped: spaces may be part of a password.
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

/** Reads one line from the terminal in raw mode, echoing nothing. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    let value = "";
    const finish = (err?: Error): void => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (buf: Buffer): void => {
      for (const ch of buf.toString("utf8")) {
        if (ch === "\r" || ch === "\n") return finish();
        if (ch === "\u0003") return finish(new Error("cancelled"));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readStdin();
  const first = await promptHidden("Password: ");
  const again = await promptHidden("Repeat password: ");
  if (first !== again) throw new AppError("bad_request", "Passwords do not match");
  return first;
}

export async function runUserCreate(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const flags = parseFlags(argv);
  if (typeof flags === "string") {
    process.stderr.write(`${flags}\n${USAGE}\n`);
    return 2;
  }
  const args = ArgsSchema.safeParse(flags);
  if (!args.success) {
    for (const issue of args.error.issues) process.stderr.write(`--${issue.path.join(".")}: ${issue.message}\n`);
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  try {
    const password = PasswordSchema.safeParse(await readPassword());
    if (!password.success) {
      process.stderr.write(`password: ${password.error.issues[0]?.message ?? "invalid"}\n`);
      return 2;
    }
    await ensureMigrated();
    const prepared = await prepareUser({ email: args.data.email, password: password.data, role: args.data.role });
    const user = await getDb().$transaction((tx) => insertUser(tx, prepared));
    process.stdout.write(`Created ${user.role} ${user.email} (id ${user.id})\n`);
    return 0;
  } catch (err) {
    const message = err instanceof AppError ? err.message : err instanceof Error ? err.message : String(err);
    process.stderr.write(`user create failed: ${message}\n`);
    return 1;
  } finally {
    await disconnectDb();
  }
}
