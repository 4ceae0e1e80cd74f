import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { DomainError, ErrorKind, RandomSource } from '@keyport/common';
import { IdentityProvider } from '@keyport/cognito';

export const EMBEDDED_ADMIN_EMAIL = 'admin@localhost';

/**
 * Makes sure an admin exists at start: the one named by ADMIN_EMAIL/ADMIN_PASSWORD (idempotent,
 * every start), or on the embedded default `admin@localhost` with a random password printed once.
 */
@Injectable()
export class AdminBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    private readonly config: AppConfig,
    private readonly identity: IdentityProvider,
    private readonly random: RandomSource,
  ) {}

  async run(): Promise<void> {
    const { email, password } = this.config.admin;
    if (email && password) {
      await this.identity.ensureAdmin(email, password);
      return;
    }
    if (this.config.cognito.mode !== 'local') return;
    if (await this.exists(EMBEDDED_ADMIN_EMAIL)) return;
    const generated = this.generatePassword();
    await this.identity.ensureAdmin(EMBEDDED_ADMIN_EMAIL, generated);
    // Printed once, on creation, for the person at the keyboard of the embedded default.
    process.stdout.write(
      `\n  Keyport admin created: ${EMBEDDED_ADMIN_EMAIL} / ${generated}\n  (shown once; set ADMIN_EMAIL and ADMIN_PASSWORD to choose your own)\n\n`,
    );
  }

  private async exists(email: string): Promise<boolean> {
    try {
      await this.identity.getUser(email);
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.kind === ErrorKind.NotFound) return false;
      throw error;
    }
  }

  private generatePassword(): string {
    // Satisfies the policy whatever the random part: lower, upper, digit and symbol are all present.
    return `Kp-${this.random.bytes(18).toString('base64url')}a9Z!`;
  }
}
