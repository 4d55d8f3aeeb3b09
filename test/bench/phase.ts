// The CPU time, wall time and peak RSS of one phase of work in this process (the plan
// phases of plan-profile.ts, the access engine of access-profile.ts).

export interface PhaseUsage {
  cpuSeconds: number;
  wallSeconds: number;
  /** process peak RSS at the end of the phase */
  peakRssMiB: number;
}

export async function phase<T>(work: () => Promise<T> | T): Promise<[T, PhaseUsage]> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return [
    value,
    {
      cpuSeconds: (used.user + used.system) / 1e6,
      wallSeconds: (performance.now() - started) / 1000,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
    },
  ];
}
