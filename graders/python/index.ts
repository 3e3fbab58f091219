/**
 * Python (CPython via Pyodide) execution engine: run a candidate's Python
 * against argument lists in a fresh isolated-vm isolate, with the same
 * outcome type and limits as the JavaScript runner.
 */
export { runPythonCases, type RunPythonCasesOptions } from "./run-python-cases.ts";
export { warmPythonPool, drainPythonPool, pythonPoolSize } from "./pool.ts";
export { isPythonProcessHealthy } from "./session.ts";
export { pythonEntryName } from "./names.ts";
export { pythonStarter, pythonParamName, type StarterSample } from "./starter.ts";
