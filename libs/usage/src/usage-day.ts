/** Requests one key made on one UTC day. */
export interface KeyDayUsage {
  keyId: string;
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  requests: number;
}

/** Requests to add to a key's day, as the embedded gateway counted them since its last flush. */
export interface UsageIncrement extends KeyDayUsage {
  developerId: string;
}

/** Requests a rotation lineage (a key and its successors) made on one UTC day. */
export interface LineageDayUsage {
  lineageId: string;
  day: string;
  requests: number;
}
