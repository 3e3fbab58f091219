/**
 * graders/design/problem-files.ts, loaded by Node itself rather than from the
 * Next.js bundle. Why: graders/design/kinds.ts reads aliases.json with
 * `readFileSync(new URL("./aliases.json", import.meta.url))`, and in server
 * components Turbopack turns that URL into a browser asset path
 * ("/_next/static/media/aliases….json") that node:fs cannot open (route
 * handlers, tests and the CLI are unaffected). Loading the module natively
 * (Node 24 runs the .ts directly) gives every caller the same working code.
 * Once kinds.ts reads its JSON in a bundler-safe way, this can become a plain
 * static import.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";

type ProblemFiles = typeof import("../../graders/design/problem-files.ts");

let loaded: Promise<ProblemFiles> | undefined;

export function designProblemFiles(): Promise<ProblemFiles> {
  if (!loaded) {
    const href = pathToFileURL(path.join(process.cwd(), "graders", "design", "problem-files.ts")).href;
    loaded = import(/* turbopackIgnore: true */ /* webpackIgnore: true */ href) as Promise<ProblemFiles>;
    // A failed load (a syntax error mid-edit) is retried on the next call.
    loaded.catch(() => {
      loaded = undefined;
    });
  }
  return loaded;
}
