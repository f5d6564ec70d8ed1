// Where the figures were measured: Node, the CPU, the runner; and the heap, sampled while running.
import { createRequire } from "node:module";
import { cpus } from "node:os";
import { getHeapStatistics } from "node:v8";

export function machine() {
  const cpu = cpus();
  const require = createRequire(import.meta.url);
  let tsx = "unknown";
  try {
    tsx = (require("tsx/package.json") as { version: string }).version;
  } catch {
    // tsx may hide its package.json behind "exports"; the version is then only informative.
  }
  return {
    node: process.version,
    v8: process.versions.v8,
    cpu: cpu[0]?.model.trim() ?? "unknown",
    cores: cpu.length,
    platform: `${process.platform}-${process.arch}`,
    runner: `tsx ${tsx} (esbuild)`,
  };
}

const MB = 1024 * 1024;

/** The peak of the heap in use, from both process.memoryUsage and v8's heap statistics. */
export class HeapSampler {
  private peakUsed = 0;
  private peakTotal = 0;
  private peakV8 = 0;
  samples = 0;

  sample(): void {
    const m = process.memoryUsage();
    const v = getHeapStatistics();
    this.samples++;
    if (m.heapUsed > this.peakUsed) this.peakUsed = m.heapUsed;
    if (m.heapTotal > this.peakTotal) this.peakTotal = m.heapTotal;
    if (v.used_heap_size > this.peakV8) this.peakV8 = v.used_heap_size;
  }

  result() {
    const round = (b: number) => Math.round((b / MB) * 10) / 10;
    return {
      peakHeapUsedMB: round(this.peakUsed),
      peakHeapTotalMB: round(this.peakTotal),
      peakV8UsedHeapMB: round(this.peakV8),
      samples: this.samples,
    };
  }
}
