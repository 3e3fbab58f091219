#!/usr/bin/env node
/**
 * The `prodloop` command (npm run prodloop -- <command>). Runs on the
 * project's Node 24 with --no-node-snapshot (isolated-vm needs it); each
 * command lives in cli/commands/.
 */
const USAGE = `usage: prodloop <command>

  grade <slug> <solution-file> [--lang js|ts|py] [--json] [--reveal] grade a solution like Submit
  design-grade <slug> <answer.json> [--json]                        grade a design answer file and print the report
  host <slug> [--seed N] [--json]                                   a shell on a troubleshooting problem's simulated host
  problems check [slug...]                                          prove problem folders correct
  user create --email <email> --role candidate|mentor|admin         create an account (password on stdin)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "grade":
      return (await import("./commands/grade.ts")).runGrade(rest);
    case "design-grade":
      return (await import("./commands/design-grade.ts")).runDesignGrade(rest);
    case "host":
      return (await import("./commands/host.ts")).runHost(rest);
    case "problems":
      if (rest[0] === "check") return (await import("./commands/problems-check.ts")).runProblemsCheck(rest.slice(1));
      break;
    case "user":
      if (rest[0] === "create") return (await import("./commands/user-create.ts")).runUserCreate(rest.slice(1));
      break;
    case undefined:
    case "help":
    case "--help":
    case "-h":
      console.log(USAGE);
      return command === undefined ? 2 : 0;
  }
  console.error(`unknown command: ${argv.join(" ")}\n\n${USAGE}`);
  return 2;
}

export {};
process.exitCode = await main(process.argv.slice(2));
