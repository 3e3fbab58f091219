import versions from "./versions.json" with { type: "json" };

/**
 * `NAME --version`, as recorded from the same packages on Debian 12
 * (scripts/golden/record-versions.ts). bash builtins answer for themselves
 * (`echo --version` prints "--version"), so they are not looked up here.
 */
const BANNERS: Record<string, string> = versions;
const SHELL_BUILTINS = new Set(["echo", "printf", "pwd", "true", "false", "kill", "time", "test", "["]);

export function versionBanner(name: string, args: readonly string[]): string | null {
  if (args.length !== 1 || args[0] !== "--version" || SHELL_BUILTINS.has(name)) return null;
  return BANNERS[name] ?? null;
}

export function hasVersionBanner(name: string): boolean {
  return !SHELL_BUILTINS.has(name) && name in BANNERS;
}
