import { Injectable } from '@nestjs/common';

export interface AwsCallCounts {
  /** Requests sent per operation, retries included. */
  calls: Record<string, number>;
  throttled: number;
  serverErrors: number;
  networkErrors: number;
}

/** Counts what this process sent to API Gateway; read by the readiness report and the sync benchmark. */
@Injectable()
export class AwsCallStats {
  private counts: AwsCallCounts = emptyCounts();

  sent(operation: string): void {
    this.counts.calls[operation] = (this.counts.calls[operation] ?? 0) + 1;
  }

  failed(kind: 'throttled' | 'server' | 'network'): void {
    if (kind === 'throttled') this.counts.throttled += 1;
    else if (kind === 'server') this.counts.serverErrors += 1;
    else this.counts.networkErrors += 1;
  }

  snapshot(): AwsCallCounts {
    return { ...this.counts, calls: { ...this.counts.calls } };
  }

  reset(): void {
    this.counts = emptyCounts();
  }
}

function emptyCounts(): AwsCallCounts {
  return { calls: {}, throttled: 0, serverErrors: 0, networkErrors: 0 };
}
