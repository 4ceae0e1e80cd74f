import { type CheckId, finding } from '../check-catalogue';
import { type Finding } from '../finding';
import { type Denied, isDenied } from '../aws/stage-posture';

/** Runs `check` on what was read, or reports a warn naming the IAM action the audit lacked. */
export function withRead<T>(checks: readonly CheckId[], resource: string, part: T | Denied, run: (value: T) => Finding[]): Finding[] {
  if (!isDenied(part)) return run(part);
  return checks.map((check) => finding(check, 'warn', resource, `Not checked: Keyport may not read this (missing IAM permission ${part.denied})`));
}

/** Findings of the offenders, or one pass for the resource when there are none. */
export function passUnless(check: CheckId, resource: string, offenders: Finding[], passMessage: string): Finding[] {
  return offenders.length > 0 ? offenders : [finding(check, 'pass', resource, passMessage)];
}
