import type { Host } from "../state/host.ts";
import { rssKb } from "../state/procs.ts";
import type { Proc } from "../state/types.ts";
import type { Program } from "./types.ts";

/**
 * /opt/worker/bin/worker: a batch consumer that pulls jobs from a broker and
 * keeps decoded inputs in memory, so its resident set climbs for the first
 * minutes after a start (params.growKbPerSec) and levels off at its working
 * set (params.capKb). It reports throughput to the journal once a minute.
 */

function log(host: Host, proc: Proc, priority: number, message: string): void {
  host.log({ ident: "worker", pid: proc.pid, unit: proc.unit ?? null, priority, message });
}

export const queueWorker: Program = {
  start(host, proc) {
    const p = proc.params ?? {};
    proc.rssGrowKbPerSec = Number(p.growKbPerSec ?? 0);
    if (p.capKb !== undefined) proc.rssCapKb = Number(p.capKb);
    const ip = host.state.net.interfaces.flatMap((i) => i.addrs).find((a) => a.family === "inet" && a.scope === "global")?.address ?? "127.0.0.1";
    proc.fds["3"] = {
      kind: "socket", proto: "TCP", state: "ESTABLISHED", inode: 22_000 + proc.pid, localAddr: ip, localPort: 41_000 + (proc.pid % 20_000),
      remote: { addr: String(p.brokerAddr ?? "10.0.1.20"), port: 5672 },
    };
    log(host, proc, 6, `worker ${String(p.version ?? "2.4.1")} starting: queue=${String(p.queue ?? "jobs")} concurrency=${String(p.concurrency ?? 4)}`);
    log(host, proc, 6, `connected to amqp://${String(p.brokerHost ?? "mq-01.internal")}:5672/`);
  },

  tick(host, proc, fromMs, toMs) {
    const minute = 60_000;
    // Once per minute of the process's life, on the minute boundary it crossed.
    const before = Math.floor((fromMs - proc.startMs) / minute);
    const after = Math.floor((toMs - proc.startMs) / minute);
    if (after <= before || after < 1) return;
    const p = proc.params ?? {};
    const rate = Number(p.jobsPerMin ?? 300);
    const jobs = rate - 20 + ((proc.pid * 7 + after * 13) % 41);
    log(host, proc, 6, `processed ${jobs} jobs in the last 60s (in flight: ${Number(p.concurrency ?? 4)}, rss ${Math.round(rssKb(proc, toMs) / 1024)} MiB)`);
  },
};
