// Preloaded into the measured CLI (`node --import`): on exit, writes the process's peak
// RSS and CPU time to the file named by BENCH_USAGE_FILE. Node's child_process API does
// not report a child's resource usage, and this keeps the CLI itself untouched.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({ maxRssKiB: usage.maxRSS, userCpuMicros: usage.userCPUTime, systemCpuMicros: usage.systemCPUTime }),
    );
  });
}
