import { createFile, ROOT, tryResolve, writeFile } from "../../state/fs.ts";
import { readFileText } from "../../net/hosts-file.ts";
import { firewallOf } from "../../net/firewall.ts";
import { parseRulesFile } from "../../net/restore.ts";
import { saveText } from "../iptables/render.ts";
import { fail, type HostCommand } from "../types.ts";

/**
 * netfilter-persistent (iptables-persistent 1.0.20): `save` writes the
 * running rule set to /etc/iptables/rules.v4 as iptables-save does;
 * `start`/`reload` load it back, which is what happens at every boot.
 */
const RULES = "/etc/iptables/rules.v4";
const PLUGINS = "/usr/share/netfilter-persistent/plugins.d";

export const netfilterPersistent: HostCommand = {
  name: "netfilter-persistent",
  async run(args, _ctx, rt) {
    const action = args[0];
    if (action !== "save" && action !== "start" && action !== "reload" && action !== "flush" && action !== "stop") {
      return fail("Usage: /usr/sbin/netfilter-persistent (start|stop|restart|reload|flush|save)\n", 1);
    }
    if (rt.cred.uid !== 0) return fail(`run-parts: executing ${PLUGINS}/15-ip4tables ${action}\nrun-parts: ${PLUGINS}/15-ip4tables exited with return code 1\n`, 1);
    const banner = `run-parts: executing ${PLUGINS}/15-ip4tables ${action}\nrun-parts: executing ${PLUGINS}/25-ip6tables ${action}\n`;
    const state = rt.host.state;
    if (action === "save") {
      const text = saveText(firewallOf(state), rt.host.now, false);
      if (tryResolve(state, ROOT, RULES)) writeFile(state, ROOT, RULES, text, false);
      else createFile(state, ROOT, RULES, text, { mode: 0o640 });
      return { stdout: "", stderr: banner, exitCode: 0 };
    }
    if (action === "flush" || action === "stop") {
      for (const c of Object.values(firewallOf(state).filter)) c.rules = [];
      return { stdout: "", stderr: banner, exitCode: 0 };
    }
    const loaded = parseRulesFile(readFileText(rt.host, RULES) ?? "");
    if (!loaded) return { stdout: "", stderr: `${banner.split("\n")[0]}\nrun-parts: ${PLUGINS}/15-ip4tables exited with return code 1\n`, exitCode: 1 };
    state.net.firewall = loaded;
    return { stdout: "", stderr: banner, exitCode: 0 };
  },
};
