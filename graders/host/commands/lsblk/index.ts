import type { HostState, Mount } from "../../state/types.ts";
import { isMounted } from "../../state/mounts.ts";
import type { HostCommand } from "../types.ts";

/**
 * lsblk (util-linux 2.38.1): the VM's virtio disks. vda is the Debian cloud
 * image's layout (root, 3M BIOS boot, 124M EFI); any other /dev/vdXN
 * filesystem in the model is a data disk with one partition spanning it.
 */

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

interface Dev {
  name: string;
  maj: number;
  min: number;
  size: number;
  type: "disk" | "part";
  mount: string;
  children: Dev[];
}

/** util-linux size_to_human_string: binary units, one rounded decimal unless it is .0. */
export function humanSize(bytes: number): string {
  const units = ["B", "K", "M", "G", "T", "P"];
  let exp = 0;
  while (exp < units.length - 1 && bytes >= 1024 ** (exp + 1)) exp++;
  const value = bytes / 1024 ** exp;
  let whole = Math.floor(value);
  let tenth = Math.round((value - whole) * 10);
  if (tenth === 10) {
    whole += 1;
    tenth = 0;
  }
  return tenth ? `${whole}.${tenth}${units[exp]}` : `${whole}${units[exp]}`;
}

function mountpoint(state: HostState, source: string): string {
  const m = state.fs.mounts.find((x) => x.source === source);
  return m && isMounted(m) ? m.target : "";
}

function devices(state: HostState): Dev[] {
  const root = state.fs.mounts.find((m) => m.source === "/dev/vda1");
  const rootBytes = root ? Math.round(((root.totalBlocks + 1300) * root.blockSize) / GIB) * GIB : 20 * GIB;
  const part = (name: string, min: number, size: number): Dev => ({ name, maj: 254, min, size, type: "part", mount: mountpoint(state, `/dev/${name}`), children: [] });
  const out: Dev[] = [{
    name: "vda", maj: 254, min: 0, size: rootBytes, type: "disk", mount: "",
    children: [part("vda1", 1, rootBytes - 128 * MIB), part("vda14", 14, 3 * MIB), part("vda15", 15, 124 * MIB)],
  }];
  const data = state.fs.mounts.filter((m: Mount) => /^\/dev\/vd[b-z]1$/.test(m.source)).sort((a, b) => a.source.localeCompare(b.source));
  for (const m of data) {
    const disk = m.source.slice(5, -1);
    const index = disk.charCodeAt(2) - "a".charCodeAt(0);
    const bytes = m.totalBlocks * m.blockSize;
    const diskBytes = Math.ceil((bytes + MIB) / GIB) * GIB;
    out.push({ name: disk, maj: 254, min: index * 16, size: diskBytes, type: "disk", mount: "", children: [part(`${disk}1`, index * 16 + 1, diskBytes - MIB)] });
  }
  return out;
}

export const lsblk: HostCommand = {
  name: "lsblk",
  async run(args, _ctx, rt) {
    for (const a of args) {
      if (a.startsWith("-")) return { stdout: "", stderr: `lsblk: invalid option -- '${a.replace(/^-+/, "").charAt(0)}'\nTry 'lsblk --help' for more information.\n`, exitCode: 1 };
    }
    const rows: string[][] = [["NAME", "MAJ:MIN", "RM", "SIZE", "RO", "TYPE", "MOUNTPOINTS"]];
    const wanted = args.map((a) => a.replace(/^\/dev\//, ""));
    for (const disk of devices(rt.host.state)) {
      if (wanted.length && !wanted.includes(disk.name)) continue;
      // lsblk formats MAJ:MIN as "%3u:%-3u".
      const line = (d: Dev, name: string): string[] => [name, `${String(d.maj).padStart(3)}:${String(d.min).padEnd(3)}`, "0", humanSize(d.size), "0", d.type, d.mount];
      rows.push(line(disk, disk.name));
      disk.children.forEach((c, i) => rows.push(line(c, `${i === disk.children.length - 1 ? "└─" : "├─"}${c.name}`)));
    }
    // An empty MOUNTPOINTS still leaves its separator: real lsblk lines end in "disk ". NAME and TYPE are left-aligned; MAJ:MIN, RM, SIZE and RO right-aligned, as libsmartcols prints them.
    const right = new Set([2, 3, 4]);
    // SIZE has a width hint of 5 in lsblk's column table, so "20G" still takes five columns.
    const widths = rows[0]?.map((_, k) => Math.max(k === 3 ? 5 : 0, ...rows.map((r) => [...(r[k] ?? "")].length))) ?? [];
    const out = rows.map((r) => r.map((cell, k) => {
      const pad = " ".repeat((widths[k] ?? 0) - [...cell].length);
      if (k === r.length - 1) return cell;
      return right.has(k) ? pad + cell : cell + pad;
    }).join(" ") + "\n");
    return { stdout: out.join(""), stderr: "", exitCode: 0 };
  },
};
