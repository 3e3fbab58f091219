/**
 * CPU time charged to a candidate. isolated-vm's `isolate.cpuTime` advances
 * with wall time while the isolate runs, so on a loaded machine it
 * overstates; a grader worker runs one submission at a time, so the worker
 * process's own CPU time is an upper bound too. The smaller of the two is
 * charged: load on the machine never counts against the candidate.
 */
export function processCpuNs(): bigint {
  const u = process.cpuUsage();
  return BigInt(u.user + u.system) * 1000n;
}

/** The charged CPU (ns) since the two bases were taken. */
export function chargedCpuNs(isolateNow: bigint, isolateBase: bigint, processBase: bigint): bigint {
  const isolate = isolateNow - isolateBase;
  const proc = processCpuNs() - processBase;
  return proc < isolate ? proc : isolate;
}
