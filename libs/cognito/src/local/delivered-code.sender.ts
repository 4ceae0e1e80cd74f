import type { Context } from 'cognito-local/lib/services/context';
import type { Message } from 'cognito-local/lib/services/messages';
import type { MessageSender } from 'cognito-local/lib/services/messageDelivery/messageSender';
import type { User } from 'cognito-local/lib/services/userPoolService';

/** A code cognito-local would have e-mailed or texted (sign-up confirmation, reset, ...). */
export interface DeliveredCode {
  /** E-mail address or phone number the message was addressed to. */
  destination: string;
  code: string;
  medium: 'EMAIL' | 'SMS';
  /** `temporary-password`: an invitation's (AdminCreateUser), for a user who must set their own. */
  kind: 'code' | 'temporary-password';
}

/**
 * Replaces cognito-local's console sender (which prints a box to stdout): keeps the latest code
 * per destination in memory and hands every message to an optional callback, so the embedded pool
 * can be driven end to end (tests, a dev-only log line) without a mail server.
 */
export class DeliveredCodeSender implements MessageSender {
  private readonly latest = new Map<string, DeliveredCode>();

  constructor(private readonly onCode?: (delivered: DeliveredCode) => void) {}

  sendEmail(_ctx: Context, user: User, destination: string, message: Message): Promise<void> {
    this.record({ destination, code: message.__code ?? '', medium: 'EMAIL', kind: kindFor(user) });
    return Promise.resolve();
  }

  sendSms(_ctx: Context, user: User, destination: string, message: Message): Promise<void> {
    this.record({ destination, code: message.__code ?? '', medium: 'SMS', kind: kindFor(user) });
    return Promise.resolve();
  }

  lastCodeFor(destination: string): string | undefined {
    return this.latest.get(destination.toLowerCase())?.code;
  }

  private record(delivered: DeliveredCode): void {
    this.latest.set(delivered.destination.toLowerCase(), delivered);
    this.onCode?.(delivered);
  }
}

function kindFor(user: User): DeliveredCode['kind'] {
  return user.UserStatus === 'FORCE_CHANGE_PASSWORD' ? 'temporary-password' : 'code';
}
