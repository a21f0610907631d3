/**
 * Peak memory of a process, read by the kernel's own accounting (Linux /proc): VmHWM is the peak resident set
 * since the counter was last reset, and writing 5 to clear_refs resets it, so each measured cell gets its own
 * peak without sampling and without touching the process.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Peak resident set size in bytes since the last reset (or since start), or NaN where /proc is not there. */
export function peakRss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? NaN : Number(kb) * 1024;
  } catch {
    return NaN;
  }
}
