import { CPU_COUNT } from "../../state/cpu.ts";
import { ok, type HostCommand } from "../types.ts";

/** coreutils nproc: processing units available. */
export const nproc: HostCommand = {
  name: "nproc",
  async run() {
    return ok(`${CPU_COUNT}\n`);
  },
};
