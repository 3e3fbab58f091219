import type { HostCommand } from "./types.ts";
import { dig } from "./dig/index.ts";
import { getent } from "./getent/index.ts";
import { host } from "./host/index.ts";
import { iptables, iptablesSave } from "./iptables/index.ts";
import { nslookup } from "./nslookup/index.ts";
import { ping } from "./ping/index.ts";

/** The network tools (DNS, firewall, routing, reachability), registered together in registry.ts. */
export const NET_COMMANDS: HostCommand[] = [
  dig, getent, host, iptables, iptablesSave, nslookup, ping,
  // What /usr/sbin/iptables resolves to through /etc/alternatives.
  { name: "iptables-nft", run: iptables.run },
  { name: "iptables-nft-save", run: iptablesSave.run },
];
