import type { Host } from "../state/host.ts";

/** st_dev as lsof and stat print it: major,minor. vda1 is 254,1 under virtio; tmpfs mounts get anonymous 0,N. */
export function deviceOf(host: Host, dev: number): string {
  const m = host.state.fs.mounts[dev];
  if (!m) return "0,0";
  if (m.source.startsWith("/dev/vda")) return `254,${m.source.slice(8) || "0"}`;
  return `0,${22 + dev}`;
}

