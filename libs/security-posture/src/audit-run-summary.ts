/** One kept security audit, as the console's history lists it. */
export interface AuditRunSummary {
  checkedAt: Date;
  driver: string;
  pass: number;
  warn: number;
  fail: number;
  /** `check resource` of each fail the previous run did not have. */
  newFails: string[];
}
