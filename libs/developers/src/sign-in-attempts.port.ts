/** What the sign-in protection says about one more attempt on an account. */
export interface SignInAttempt {
  /** False once the account has used its attempts in the current window. */
  allowed: boolean;
  /** Seconds until attempts are accepted again (the `Retry-After` of a refusal). */
  retryAfterSeconds: number;
}

/**
 * Counts sign-in attempts per account (the normalised e-mail, whether or not such an account
 * exists, so a lockout reveals nothing), across replicas when they share Redis. Every attempt
 * counts, before the password is checked, so concurrent guesses cannot slip past the limit; a
 * successful sign-in clears the count.
 */
export abstract class SignInAttempts {
  abstract attempt(email: string): Promise<SignInAttempt>;
  abstract succeeded(email: string): Promise<void>;
}
