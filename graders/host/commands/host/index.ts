import { reverseName } from "../../net/dns.ts";
import { isIpv4 } from "../../net/ipv4.ts";
import { readResolvConf, resolveHost, searchCandidates } from "../../net/resolve.ts";
import type { DnsType } from "../../net/types.ts";
import { fail, type HostCommand } from "../types.ts";
import { fqdn } from "../dig/wire.ts";
import { queryServers } from "../dig/query.ts";

/**
 * host from bind9-dnsutils 9.18: A, AAAA and MX for a name (through the
 * search list), PTR for an address, "Using domain server:" when one is
 * named, and "not found: 3(NXDOMAIN)" / "no servers could be reached".
 */
export const host: HostCommand = {
  name: "host",
  async run(args, _ctx, rt) {
    let type: DnsType | null = null;
    const pos: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === "-t") type = (args[++i] ?? "A").toUpperCase() as DnsType;
      else if (a === "-4" || a === "-6" || a === "-v" || a === "-a") continue;
      else if (a.startsWith("-")) return fail(`host: invalid option -- '${a.slice(1, 2)}'\n`, 1);
      else pos.push(a);
    }
    const [name, serverArg] = pos;
    if (name === undefined) return fail("Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n", 1);
    const conf = readResolvConf(rt.host);
    let servers = conf.nameservers;
    let prefix = "";
    if (serverArg !== undefined) {
      const r = resolveHost(rt.host, serverArg, "inet");
      rt.host.advance(r.elapsedMs);
      if (!r.ok) return fail(`host: couldn't get address for '${serverArg}': not found\n`, 1);
      servers = r.addrs;
      prefix = `Using domain server:\nName: ${serverArg}\nAddress: ${r.addrs[0] ?? ""}#53\nAliases: \n\n`;
    }
    if (isIpv4(name)) {
      const q = queryServers(rt, servers, reverseName(name), "PTR", 2, 5);
      if (!q.answer) return { stdout: `${q.errors};; no servers could be reached\n`, stderr: "", exitCode: 1 };
      const ptrs = q.answer.answers.filter((a) => a.type === "PTR");
      if (ptrs.length === 0) return { stdout: prefix + q.errors, stderr: `Host ${reverseName(name)}. not found: ${q.answer.rcode === "NXDOMAIN" ? "3(NXDOMAIN)" : "2(SERVFAIL)"}\n`, exitCode: 1 };
      return { stdout: prefix + q.errors + ptrs.map((p) => `${reverseName(name)} domain name pointer ${fqdn(p.value)}\n`).join(""), stderr: "", exitCode: 0 };
    }
    let errors = "";
    let lastRcode = "NXDOMAIN";
    let anyAnswer = false;
    for (const candidate of searchCandidates(conf, name)) {
      let out = "";
      let answered = false;
      for (const t of type ? [type] : (["A", "AAAA", "MX"] as DnsType[])) {
        const q = queryServers(rt, servers, candidate, t, 2, 5);
        errors += q.errors;
        if (!q.answer) continue;
        anyAnswer = true;
        lastRcode = q.answer.rcode;
        if (q.answer.rcode !== "NOERROR") continue;
        answered = true;
        for (const a of q.answer.answers) {
          if (a.type === "CNAME" && !out.includes(`${a.name} is an alias`)) out += `${a.name} is an alias for ${fqdn(a.value)}\n`;
          else if (a.type === "A") out += `${a.name} has address ${a.value}\n`;
          else if (a.type === "AAAA") out += `${a.name} has IPv6 address ${a.value}\n`;
        }
        if (type && q.answer.answers.length === 0) out += `${candidate} has no ${type} record\n`;
      }
      if (answered) return { stdout: prefix + errors + out, stderr: "", exitCode: 0 };
    }
    if (!anyAnswer) {
      return { stdout: `${prefix}${errors};; no servers could be reached\n`, stderr: "", exitCode: 1 };
    }
    return { stdout: prefix + errors, stderr: `Host ${name} not found: ${lastRcode === "SERVFAIL" ? "2(SERVFAIL)" : "3(NXDOMAIN)"}\n`, exitCode: 1 };
  },
};
