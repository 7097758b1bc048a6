import { readFileSync, writeFileSync } from "node:fs";

/** What the benchmark reads of the server's process (Linux's /proc; null elsewhere). */

/** One memory line of the process's /proc status (VmRSS, VmHWM), in MB; null off Linux. */
function statusMb(pid: number, field: "VmRSS" | "VmHWM"): number | null {
  try {
    const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

/** The server's peak resident memory (Linux's high-water mark), in MB. */
export function peakRssMb(pid: number): number | null {
  return statusMb(pid, "VmHWM");
}

/** The server's CPU time so far, in clock ticks (Linux), or null elsewhere. */
function cpuTicks(pid: number): number | null {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** A load's server CPU time a request (ms), and the share of one core it kept busy; null off Linux. */
export type ServerCpu = { cpuMs: number | null; busy: number | null };

/**
 * The server's CPU time spent on `load`, in milliseconds per request (Linux, whose clock ticks are
 * hundredths of a second; null elsewhere). It shows where a load's bound lies: a server near 1 000 ms of CPU
 * a second is held by its own work, one well under it by waiting.
 */
export async function cpuPerRequest<T>(
  pid: number,
  load: () => Promise<T>,
  requests: (result: T) => number,
): Promise<T & ServerCpu> {
  const before = cpuTicks(pid);
  const started = performance.now();
  const result = await load();
  const after = cpuTicks(pid);
  const seconds = (performance.now() - started) / 1000;
  if (before === null || after === null || requests(result) === 0) return { ...result, cpuMs: null, busy: null };
  const cpuSeconds = (after - before) / 100;
  return {
    ...result,
    cpuMs: Math.round((10_000 * cpuSeconds) / requests(result)) / 10,
    busy: Math.round((100 * cpuSeconds) / seconds) / 100,
  };
}

/**
 * Waits until the server has finished what earlier loads left behind (the confirmation queries that
 * follow notifications run after the answer): each measure starts on a quiet server.
 */
export async function waitForIdle(pid: number): Promise<void> {
  const until = Date.now() + 60_000;
  let before = cpuTicks(pid);
  while (before !== null && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = cpuTicks(pid);
    if (now === null || now - before <= 5) return; // under 10% of a core over half a second
    before = now;
  }
}

/** The server's resident memory now, in MB (Linux; null elsewhere). */
export function rssMb(pid: number): number | null {
  return statusMb(pid, "VmRSS");
}

/**
 * Starts Linux's high-water mark of resident memory afresh (`clear_refs` 5), so that the peak read later
 * is the loads' own rather than the start's. False where that cannot be done.
 */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}
