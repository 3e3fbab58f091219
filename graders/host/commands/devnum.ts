import type { Host } from "../state/host.ts";

/** st_dev as lsof and stat print it: major,minor. vda1 is 254,1 under virtio; tmpfs mounts get anonymous 0,N. */
export function deviceOf(host: Host, dev: number): string {
  const m = host.state.fs.mounts[dev];
  if (!m) return "0,0";
  // virtio-blk: major 254, 16 minors per disk (vda 0-15, vdb 16-31, ...), as lsblk shows them.
  const vd = /^\/dev\/vd([a-z])(\d*)$/.exec(m.source);
  if (vd) return `254,${((vd[1] as string).charCodeAt(0) - 97) * 16 + Number(vd[2] || 0)}`;
  return `0,${22 + dev}`;
}

