/** What one operation did over a run. */
export interface OperationStats {
  operation: string;
  requests: number;
  errors: number;
  /** Error counts by GraphQL error code (or HTTP status when the response had none). */
  errorCodes: Record<string, number>;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

/** The value below which `fraction` of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** One finished request, as an observer of the recorder sees it. */
export interface RequestSample {
  operation: string;
  /** When it finished (`Date.now()`). */
  at: number;
  milliseconds: number;
  errorCode: string | undefined;
}

/**
 * Keeps every latency per operation for exact percentiles: a bounded run (minutes, a few
 * thousand requests a second at most on one machine) fits comfortably in memory. `observe` sees
 * each request as it is recorded (the chaos run sorts them into its fault windows).
 */
export function createLatencyRecorder(observe?: (sample: RequestSample) => void) {
  const latencies = new Map<string, number[]>();
  const errors = new Map<string, Record<string, number>>();
  return {
    record(operation: string, milliseconds: number, errorCode?: string) {
      observe?.({ operation, at: Date.now(), milliseconds, errorCode });
      const samples = latencies.get(operation) ?? [];
      samples.push(milliseconds);
      latencies.set(operation, samples);
      if (errorCode) {
        const codes = errors.get(operation) ?? {};
        codes[errorCode] = (codes[errorCode] ?? 0) + 1;
        errors.set(operation, codes);
      }
    },
    stats(): OperationStats[] {
      return [...latencies].map(([operation, samples]) => {
        const sorted = [...samples].sort((a, b) => a - b);
        const errorCodes = errors.get(operation) ?? {};
        return {
          operation,
          requests: samples.length,
          errors: Object.values(errorCodes).reduce((sum, count) => sum + count, 0),
          errorCodes,
          p50Ms: percentile(sorted, 0.5),
          p95Ms: percentile(sorted, 0.95),
          p99Ms: percentile(sorted, 0.99),
        };
      });
    },
  };
}

export type LatencyRecorder = ReturnType<typeof createLatencyRecorder>;
