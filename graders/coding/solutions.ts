/**
 * The trusted solution files of a problem folder: the reference and the
 * known-wrong solutions. Read only by grader workers and the CLI, never by the
 * web server.
 */
import path from "node:path";
import { isFile, readText, rel } from "./problem-files.ts";
import { ProblemFileError } from "./problem-schema.ts";
import type { Lang } from "./types.ts";

export interface SolutionFile {
  /** Path relative to the problems root's parent, for messages. */
  file: string;
  lang: Lang;
  code: string;
}

export function langOfFile(file: string): Lang | null {
  if (file.endsWith(".ts")) return "ts";
  if (file.endsWith(".js")) return "js";
  if (file.endsWith(".py")) return "py";
  return null;
}

export function readReference(dir: string, root: string): SolutionFile {
  // The oracle for generated tests and custom inputs: JavaScript/TypeScript, the fastest to run.
  for (const name of ["reference.ts", "reference.js"]) {
    if (isFile(path.join(dir, name))) {
      return { file: rel(dir, name, root), lang: langOfFile(name) as Lang, code: readText(dir, name, root) };
    }
  }
  throw new ProblemFileError(rel(dir, "reference.js", root), [{ path: "", message: "file is missing (reference.js or reference.ts)" }]);
}

/** reference.py: every problem has one, proven by `problems check` (the JS/TS reference stays the oracle). */
export function readPythonReference(dir: string, root: string): SolutionFile {
  if (!isFile(path.join(dir, "reference.py"))) {
    throw new ProblemFileError(rel(dir, "reference.py", root), [{ path: "", message: "file is missing (every problem needs a Python reference)" }]);
  }
  return { file: rel(dir, "reference.py", root), lang: "py", code: readText(dir, "reference.py", root) };
}

export function readSolution(dir: string, name: string, root: string): SolutionFile {
  const lang = langOfFile(name);
  if (!lang) throw new ProblemFileError(rel(dir, name, root), [{ path: "", message: "a solution must be a .js, .ts or .py file" }]);
  return { file: rel(dir, name, root), lang, code: readText(dir, name, root) };
}
