import * as fs from "../../state/fs.ts";
import type { Host } from "../../state/host.ts";
import type { Unit } from "../../state/types.ts";
import { getUnit, restartUnit, startUnit, stopUnit } from "../../services/systemd.ts";
import { daemonReload, dropInPaths, needsReload } from "../../services/units.ts";
import { reloadForking } from "../../services/forking.ts";
import type { Runtime } from "../../shell/runtime.ts";
import { fail, ok, type HostCommand } from "../types.ts";
import { renderListUnits } from "./list-units.ts";
import { systemctlEdit } from "./edit.ts";
import { renderStatus } from "./status.ts";
import { parseShowArgs, renderManager, renderMissing, renderShow } from "./show.ts";

/**
 * systemctl (systemd 252) for service units: status, start, stop, restart,
 * reload-or-restart, daemon-reload, cat, list-units, is-active, is-enabled,
 * enable, disable. Changing anything needs root: without polkit (not on
 * Debian's cloud images) admin gets "Interactive authentication required".
 */

const CHANGING = new Set(["start", "stop", "restart", "reload", "try-restart", "reload-or-restart", "daemon-reload", "enable", "disable"]);

const fullName = (name: string): string => (name.includes(".") ? name : `${name}.service`);

function reloadWarning(host: Host, unit: Unit): string {
  return needsReload(host, unit)
    ? `Warning: The unit file, source configuration file or drop-ins of ${unit.name} changed on disk. Run 'systemctl daemon-reload' to reload units.\n`
    : "";
}

/** What systemctl says when the start job fails, by the unit's Result. */
function jobFailed(unit: Unit): string {
  const why = unit.result === "resources" ? "of unavailable resources or another system error" : "the control process exited with error code";
  return `Job for ${unit.name} failed because ${why}.\nSee "systemctl status ${unit.name}" and "journalctl -xeu ${unit.name}" for details.\n`;
}

function manage(rt: Runtime, verb: string, names: string[]): { stdout: string; stderr: string; exitCode: number } {
  const host = rt.host;
  let stderr = "";
  let stdout = "";
  let exitCode = 0;
  for (const raw of names) {
    const name = fullName(raw);
    const unit = getUnit(host, name);
    if (!unit) {
      const action = verb === "enable" || verb === "disable" ? `${verb} unit` : verb;
      stderr += verb === "enable" || verb === "disable"
        ? `Failed to ${action}: Unit file ${name} does not exist.\n`
        : `Failed to ${action} ${name}: Unit ${name} not found.\n`;
      exitCode = verb === "enable" || verb === "disable" ? 1 : 5;
      continue;
    }
    if (rt.cred.uid !== 0) {
      stderr += verb === "enable" || verb === "disable"
        ? `Failed to ${verb} unit: Interactive authentication required.\n`
        : `Failed to ${verb} ${name}: Interactive authentication required.\nSee system logs and 'systemctl status ${name}' for details.\n`;
      exitCode = 1;
      continue;
    }
    stderr += reloadWarning(host, unit);
    if (verb === "enable") {
      if (!unit.enabled) stdout += `Created symlink /etc/systemd/system/multi-user.target.wants/${name} → ${unit.fragmentPath}.\n`;
      unit.enabled = true;
      continue;
    }
    if (verb === "disable") {
      if (unit.enabled) stdout += `Removed "/etc/systemd/system/multi-user.target.wants/${name}".\n`;
      unit.enabled = false;
      continue;
    }
    // A unit with ExecReload= (nginx) reloads in place; a failed reload leaves the daemon running as it was.
    if (unit.execReload && (verb === "reload" || (verb === "reload-or-restart" && unit.activeState === "active"))) {
      if (unit.activeState !== "active") {
        stderr += `${name} is not active, cannot reload.\n`;
        exitCode = 1;
      } else if (!reloadForking(host, unit)) {
        stderr += `Job for ${name} failed because the control process exited with error code.\nSee "systemctl status ${name}" and "journalctl -xeu ${name}" for details.\n`;
        exitCode = 1;
      }
      continue;
    }
    if (verb === "stop") stopUnit(host, unit);
    else if (verb === "start") startUnit(host, unit);
    else if (verb === "try-restart") {
      if (unit.activeState === "active") restartUnit(host, unit);
    } else restartUnit(host, unit);
    // Services are Type=simple: the start job succeeds once the process is forked, so a program that
    // exits at once still leaves systemctl silent with status 0; only a start that never forked fails the job.
    // Type=forking waits for its control processes, so a failing ExecStartPre=/ExecStart= fails the job too.
    if (verb !== "stop" && unit.activeState === "failed" && (unit.result === "resources" || unit.type === "forking")) {
      stderr += jobFailed(unit);
      exitCode = 1;
    }
  }
  return { stdout, stderr, exitCode };
}

function catUnits(rt: Runtime, names: string[]): { stdout: string; stderr: string; exitCode: number } {
  const parts: string[] = [];
  let stderr = "";
  for (const raw of names) {
    const unit = getUnit(rt.host, fullName(raw));
    if (!unit) {
      stderr += `No files found for ${fullName(raw)}.\n`;
      continue;
    }
    for (const path of [unit.fragmentPath, ...dropInPaths(rt.host, unit.name)]) {
      const found = fs.tryResolve(rt.host.state, fs.ROOT, path);
      if (!found || found.inode.kind !== "file") continue;
      const text = fs.readFileRange(found.inode, 0, 1_000_000);
      parts.push(`# ${path}\n${text}${text.endsWith("\n") ? "" : "\n"}`);
    }
    stderr += reloadWarning(rt.host, unit).replace(/^Warning: /, "# Warning: ");
  }
  return { stdout: parts.join("\n"), stderr, exitCode: stderr && parts.length === 0 ? 1 : 0 };
}

export const systemctl: HostCommand = {
  name: "systemctl",
  async run(args, _ctx, rt) {
    const flags = args.filter((a) => a.startsWith("-"));
    const words = args.filter((a) => !a.startsWith("-"));
    const verb = words[0] ?? "list-units";
    const names = words.slice(1);
    const host = rt.host;
    const all = flags.includes("--all") || flags.includes("-a");
    const linesFlag = flags.find((f) => f.startsWith("--lines=") || /^-n\d+$/.test(f));
    const lines = linesFlag ? Number(linesFlag.replace(/^(--lines=|-n)/, "")) : 10;

    if (verb === "edit") return systemctlEdit(rt, args, _ctx.env);
    if (verb === "daemon-reload" || verb === "daemon-reexec") {
      if (rt.cred.uid !== 0) return fail("Failed to reload daemon: Interactive authentication required.\n");
      daemonReload(host);
      return ok("");
    }
    if (CHANGING.has(verb)) {
      if (names.length === 0) return fail(`Too few arguments.\n`);
      return manage(rt, verb, names);
    }
    if (verb === "show") {
      const { opts, names: units } = parseShowArgs(args);
      if (units.length === 0) return ok(renderManager(opts));
      let stdout = "";
      for (const raw of units) {
        const unit = getUnit(host, fullName(raw));
        // Like systemd, an unknown unit still has properties: it is simply not loaded.
        stdout += (stdout && !opts.value ? "\n" : "") + (unit ? renderShow(host, unit, opts) : renderMissing(fullName(raw), opts));
      }
      return ok(stdout);
    }
    switch (verb) {
      case "status": {
        if (names.length === 0) return ok(`● ${host.state.hostname}\n    State: ${Object.values(host.state.units).some((u) => u.activeState === "failed") ? "degraded" : "running"}\n    Units: ${Object.keys(host.state.units).length} loaded (incl. loaded aliases)\n     Jobs: 0 queued\n   Failed: ${Object.values(host.state.units).filter((u) => u.activeState === "failed").length} units\n    Since: ${new Date(host.state.clock.bootMs).toUTCString()}\n`);
        let stdout = "";
        let stderr = "";
        let exitCode = 0;
        for (const raw of names) {
          const unit = getUnit(host, fullName(raw));
          if (!unit) {
            stderr += `Unit ${fullName(raw)} could not be found.\n`;
            exitCode = 4;
            continue;
          }
          stdout += (stdout ? "\n" : "") + renderStatus(host, unit, lines);
          stderr += reloadWarning(host, unit);
          if (unit.activeState !== "active" && exitCode === 0) exitCode = 3;
        }
        return { stdout, stderr, exitCode };
      }
      case "cat":
        return catUnits(rt, names);
      case "list-units": {
        const stateFlag = flags.find((f) => f.startsWith("--state="));
        return ok(renderListUnits(host, { all, failed: flags.includes("--failed"), ...(stateFlag ? { state: stateFlag.slice(8) } : {}) }));
      }
      case "is-active":
      case "is-failed":
      case "is-enabled": {
        let stdout = "";
        let any = false;
        for (const raw of names) {
          const unit = getUnit(host, fullName(raw));
          if (verb === "is-enabled") {
            stdout += unit ? (unit.enabled ? "enabled\n" : "disabled\n") : "";
            any ||= unit?.enabled ?? false;
            if (!unit) return fail(`Failed to get unit file state for ${fullName(raw)}: No such file or directory\n`, 1, stdout);
          } else {
            const state = unit?.activeState ?? "inactive";
            stdout += `${state}\n`;
            any ||= verb === "is-active" ? state === "active" : state === "failed";
          }
        }
        return { stdout, stderr: "", exitCode: any ? 0 : verb === "is-enabled" ? 1 : 3 };
      }
      default:
        return fail(`Unknown command verb ${verb}.\n`);
    }
  },
};

