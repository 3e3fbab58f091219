import type { HostCommand } from "../types.ts";

/**
 * util-linux dmesg: the kernel's lines from the journal, stamped with
 * seconds since boot. Debian sets kernel.dmesg_restrict=1, so only root may
 * read them. -T prints wall-clock times.
 */
export const dmesg: HostCommand = {
  name: "dmesg",
  async run(args, _ctx, rt) {
    if (rt.cred.uid !== 0) return { stdout: "", stderr: "dmesg: read kernel buffer failed: Operation not permitted\n", exitCode: 1 };
    const human = args.includes("-T") || args.includes("--ctime");
    const boot = rt.host.state.clock.bootMs;
    const out = rt.host.state.journal
      .filter((e) => e.ident === "kernel")
      .map((e) => {
        if (human) {
          const d = new Date(e.tsMs);
          const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][d.getUTCDay()];
          const mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.getUTCMonth()];
          return `[${day} ${mon} ${String(d.getUTCDate()).padStart(2)} ${d.toISOString().slice(11, 19)} ${d.getUTCFullYear()}] ${e.message}\n`;
        }
        const secs = (e.tsMs - boot) / 1000;
        return `[${secs.toFixed(6).padStart(12)}] ${e.message}\n`;
      })
      .join("");
    return { stdout: out, stderr: "", exitCode: 0 };
  },
};
