import type { HostCommand } from "./types.ts";
import { registerSbin } from "./sbin.ts";
import { dig } from "./dig/index.ts";
import { getent } from "./getent/index.ts";
import { host } from "./host/index.ts";
import { iptables, iptablesSave } from "./iptables/index.ts";
import { iptablesRestore } from "./iptables/restore.ts";
import { netfilterPersistent } from "./netfilter-persistent/index.ts";
import { netstat } from "./netstat/index.ts";
import { nslookup } from "./nslookup/index.ts";
import { ping } from "./ping/index.ts";
import { resolvectl } from "./resolvectl/index.ts";

/** The network tools in /usr/bin (DNS, reachability), registered together in registry.ts. */
export const NET_COMMANDS: HostCommand[] = [dig, getent, host, netstat, nslookup, ping, resolvectl];

// The firewall tools live in /usr/sbin: admin reaches them through sudo's secure_path.
registerSbin(iptables, iptablesSave, iptablesRestore, netfilterPersistent);
// What /usr/sbin/iptables and iptables-save resolve to through /etc/alternatives (root's $PATH, full paths).
registerSbin({ name: "iptables-nft", run: iptables.run }, { name: "iptables-nft-save", run: iptablesSave.run }, { name: "iptables-nft-restore", run: iptablesRestore.run });
