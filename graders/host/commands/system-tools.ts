import type { HostCommand } from "./types.ts";
import { ln } from "./ln/index.ts";
import { namei } from "./namei/index.ts";

/**
 * Storage, link and clock tools (ln, namei, mount & co., timedatectl, man),
 * listed here so the shared registry needs a single line for all of them.
 */
export const SYSTEM_TOOLS: HostCommand[] = [ln, namei];
