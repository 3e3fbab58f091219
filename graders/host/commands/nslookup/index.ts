import { reverseName } from "../../net/dns.ts";
import { isIpv4 } from "../../net/ipv4.ts";
import { readResolvConf, resolveHost, searchCandidates } from "../../net/resolve.ts";
import { fail, type HostCommand } from "../types.ts";
import { fqdn } from "../dig/wire.ts";
import { queryServers } from "../dig/query.ts";

/**
 * nslookup from bind9-dnsutils 9.18 in its one-shot form: `nslookup NAME
 * [SERVER]`, A and AAAA answers under "Non-authoritative answer:", PTR for
 * addresses, and the "server can't find" / "no servers could be reached" failures.
 */
export const nslookup: HostCommand = {
  name: "nslookup",
  async run(args, _ctx, rt) {
    const pos = args.filter((a) => !a.startsWith("-"));
    const [name, serverArg] = pos;
    if (name === undefined) return fail("nslookup: interactive mode is not available here; use nslookup NAME [SERVER]\n", 1);
    const conf = readResolvConf(rt.host);
    let servers = conf.nameservers;
    if (serverArg !== undefined) {
      const r = resolveHost(rt.host, serverArg, "inet");
      rt.host.advance(r.elapsedMs);
      if (!r.ok) return fail(`nslookup: couldn't get address for '${serverArg}': not found\n`, 1);
      servers = r.addrs;
    }
    const banner = (server: string): string => `Server:\t\t${serverArg !== undefined && !isIpv4(serverArg) ? serverArg : server}\nAddress:\t${server}#53\n\n`;
    if (isIpv4(name)) {
      const q = queryServers(rt, servers, reverseName(name), "PTR", 2, 5);
      if (!q.answer || !q.server) return { stdout: `${q.errors};; no servers could be reached\n\n`, stderr: "", exitCode: 1 };
      const ptrs = q.answer.answers.filter((a) => a.type === "PTR");
      if (ptrs.length === 0) return { stdout: `${q.errors}${banner(q.server)}** server can't find ${reverseName(name)}: ${q.answer.rcode}\n\n`, stderr: "", exitCode: 1 };
      return { stdout: `${q.errors}${banner(q.server)}${ptrs.map((p) => `${reverseName(name)}\tname = ${fqdn(p.value)}\n`).join("")}\nAuthoritative answers can be found from:\n\n`, stderr: "", exitCode: 0 };
    }
    let errors = "";
    let last: { rcode: string; server: string } | null = null;
    for (const candidate of searchCandidates(conf, name)) {
      const a = queryServers(rt, servers, candidate, "A", 2, 5);
      errors += a.errors;
      if (!a.answer || !a.server) continue;
      last = { rcode: a.answer.rcode, server: a.server };
      if (a.answer.rcode !== "NOERROR" || a.answer.answers.length === 0) continue;
      const aaaa = queryServers(rt, [a.server], candidate, "AAAA", 2, 5).answer?.answers ?? [];
      let out = `${errors}${banner(a.server)}Non-authoritative answer:\n`;
      for (const r of [...a.answer.answers, ...aaaa.filter((x) => x.type === "AAAA")]) {
        if (r.type === "CNAME") out += `${r.name}\tcanonical name = ${fqdn(r.value)}.\n`.replace(/\.\.\n$/, ".\n");
        else out += `Name:\t${r.name}\nAddress: ${r.value}\n`;
      }
      return { stdout: `${out}\n`, stderr: "", exitCode: 0 };
    }
    if (!last) return { stdout: `${errors};; no servers could be reached\n\n`, stderr: "", exitCode: 1 };
    return { stdout: `${errors}${banner(last.server)}** server can't find ${name}: ${last.rcode}\n\n`, stderr: "", exitCode: 1 };
  },
};
