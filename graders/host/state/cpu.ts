/** The VM's CPU count: what nproc, top and load averages are measured against. */
export const CPU_COUNT = 2;
