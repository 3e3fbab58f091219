import type { HostCommand } from "./types.ts";
import { registerSbin } from "./sbin.ts";
import { ln } from "./ln/index.ts";
import { namei } from "./namei/index.ts";
import { rm } from "./rm/index.ts";
import { mkdir } from "./mkdir/index.ts";
import { cp } from "./cp/index.ts";
import { mv } from "./mv/index.ts";
import { rmdir } from "./rmdir/index.ts";
import { tee } from "./tee/index.ts";
import { man } from "./help/man.ts";
import { timedatectl } from "./timedatectl/index.ts";
import { mount } from "./mount/index.ts";
import { umount } from "./mount/umount.ts";
import { findmnt } from "./findmnt/index.ts";
import { lsblk } from "./lsblk/index.ts";
import { e2fsckCommand, fsckCommand, fsckExt4Command } from "./fsck/index.ts";

/**
 * Storage, link and clock tools (ln, namei, mount & co., timedatectl, man),
 * listed here so the shared registry needs a single line for all of them.
 */
export const SYSTEM_TOOLS: HostCommand[] = [ln, namei, rm, rmdir, mkdir, cp, mv, tee, man, timedatectl, mount, umount, findmnt, lsblk];

// fsck and e2fsck live in /usr/sbin: admin reaches them through sudo's secure_path.
registerSbin(fsckCommand, e2fsckCommand, fsckExt4Command);
