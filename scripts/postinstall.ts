/**
 * `npm install`'s postinstall: generate the Prisma client into generated/prisma
 * (gitignored). The Prisma CLI insists on locating its native schema engine
 * even though generation runs in WebAssembly, and it cannot download one here:
 * pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies that
 * check. Idempotent: safe to run any number of times.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const prismaCli = path.join(root, "node_modules", "prisma", "build", "index.js");

if (!existsSync(prismaCli)) {
  // `npm install --omit=dev` has no Prisma CLI; a client generated earlier (or none) is all we can have.
  console.warn("postinstall: the prisma CLI is not installed (dev dependencies omitted?); skipping `prisma generate`.");
  process.exit(0);
}

const result = spawnSync(process.execPath, [prismaCli, "generate", "--schema", path.join(root, "prisma", "schema.prisma")], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(root, "package.json"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});

if (result.status !== 0) {
  console.error(
    `postinstall: \`prisma generate\` failed (${result.error ? result.error.message : `exit ${result.status}`}).\n` +
      "The app cannot start without the generated client (generated/prisma). Check prisma/schema.prisma, then run `npm run postinstall`.",
  );
  process.exit(1);
}
