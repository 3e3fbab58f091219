import type { ExecResult } from "just-bash";
import type { Runtime } from "../../shell/runtime.ts";
import { readFileText } from "../../net/hosts-file.ts";
import { isIpv4, isIpv6 } from "../../net/ipv4.ts";
import { resolveHost, reverseLookup, type Family } from "../../net/resolve.ts";
import { servicePort } from "../../net/services.ts";
import { fail, type HostCommand } from "../types.ts";

/**
 * getent from glibc 2.36: hosts (gethostbyname2, IPv6 first then IPv4, as
 * getent does), ahosts/ahostsv4/ahostsv6 (getaddrinfo), passwd, group and
 * services read from the files. Keys that are not found make it exit 2;
 * slow DNS (a dead resolver) makes it wait, so the clock moves on.
 */

const HINT = "Try `getent --help' or `getent --usage' for more information.\n";

function hosts(rt: Runtime, keys: string[]): ExecResult {
  let out = "";
  let missing = false;
  for (const key of keys) {
    if (isIpv4(key) || isIpv6(key)) {
      const r = reverseLookup(rt.host, key);
      if (r) out += `${key.padEnd(15)} ${[r.name, ...r.aliases].join(" ")}\n`;
      else missing = true;
      continue;
    }
    // getent asks for AF_INET6 first and falls back to AF_INET when that finds nothing.
    let found = false;
    for (const family of ["inet6", "inet"] as const) {
      const r = resolveHost(rt.host, key, family);
      rt.host.advance(r.elapsedMs);
      if (!r.ok) continue;
      for (const addr of r.addrs) out += `${addr.padEnd(15)} ${[r.canonical, ...r.aliases].join(" ")}\n`;
      found = true;
      break;
    }
    if (!found) missing = true;
  }
  return { stdout: out, stderr: "", exitCode: missing ? 2 : 0 };
}

function ahosts(rt: Runtime, keys: string[], family: Family): ExecResult {
  let out = "";
  let missing = false;
  for (const key of keys) {
    const r = resolveHost(rt.host, key, family);
    rt.host.advance(r.elapsedMs);
    if (!r.ok) {
      missing = true;
      continue;
    }
    r.addrs.forEach((addr, i) => {
      const name = i === 0 ? r.canonical : "";
      out += `${addr.padEnd(15)} STREAM ${name}\n${addr.padEnd(15)} DGRAM  \n${addr.padEnd(15)} RAW    \n`;
    });
  }
  return { stdout: out, stderr: "", exitCode: missing ? 2 : 0 };
}

/** passwd/group: every line, or the lines whose name or numeric id matches each key, in key order. */
function colonDb(rt: Runtime, path: string, keys: string[]): ExecResult {
  const lines = (readFileText(rt.host, path) ?? "").split("\n").filter((l) => l !== "" && !l.startsWith("#"));
  if (keys.length === 0) return { stdout: lines.map((l) => `${l}\n`).join(""), stderr: "", exitCode: 0 };
  let out = "";
  let missing = false;
  for (const key of keys) {
    const line = lines.find((l) => {
      const f = l.split(":");
      return /^\d+$/.test(key) ? f[2] === key : f[0] === key;
    });
    if (line) out += `${line}\n`;
    else missing = true;
  }
  return { stdout: out, stderr: "", exitCode: missing ? 2 : 0 };
}

function services(keys: string[]): ExecResult {
  let out = "";
  let missing = false;
  for (const key of keys) {
    const [name, proto = "tcp"] = key.split("/");
    const port = servicePort(name ?? "", proto === "udp" ? "udp" : "tcp");
    if (port === null) missing = true;
    else out += `${(name ?? "").padEnd(21)} ${port}/${proto}\n`;
  }
  return { stdout: out, stderr: "", exitCode: missing ? 2 : 0 };
}

export const getent: HostCommand = {
  name: "getent",
  async run(args, _ctx, rt) {
    const rest = args.filter((a) => a !== "-s" && !a.startsWith("--service"));
    const [db, ...keys] = rest;
    if (db === undefined) return fail(`getent: wrong number of arguments\n${HINT}`);
    switch (db) {
      case "hosts":
        if (keys.length === 0) return { stdout: readFileText(rt.host, "/etc/hosts")?.split("\n").filter((l) => l.trim() !== "" && !l.trim().startsWith("#")).map((l) => `${l.trim().split(/\s+/)[0]?.padEnd(15)} ${l.trim().split(/\s+/).slice(1).join(" ")}\n`).join("") ?? "", stderr: "", exitCode: 0 };
        return hosts(rt, keys);
      case "ahosts": return keys.length === 0 ? fail("Enumeration not supported on ahosts\n", 3) : ahosts(rt, keys, "any");
      case "ahostsv4": return keys.length === 0 ? fail("Enumeration not supported on ahostsv4\n", 3) : ahosts(rt, keys, "inet");
      case "ahostsv6": return keys.length === 0 ? fail("Enumeration not supported on ahostsv6\n", 3) : ahosts(rt, keys, "inet6");
      case "passwd": return colonDb(rt, "/etc/passwd", keys);
      case "group": return colonDb(rt, "/etc/group", keys);
      case "services": return services(keys);
      default: return fail(`Unknown database: ${db}\n${HINT}`);
    }
  },
};
