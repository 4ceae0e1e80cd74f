import { type DomainError, unauthenticated } from '@keyport/common';

/**
 * The three ways an access token is refused, and no more detail than a client needs to act: send
 * one, sign in again, or refresh. "Expired" is said only of a token that is genuine in every other
 * respect, so a forged token never learns whether its expiry would have passed.
 */
export const tokenMissing = (): DomainError => unauthenticated('Missing bearer access token', 'TOKEN_MISSING');
export const tokenInvalid = (): DomainError => unauthenticated(INVALID_TOKEN, 'TOKEN_INVALID');
export const tokenExpired = (): DomainError => unauthenticated('The access token expired; refresh it', 'TOKEN_EXPIRED');

/** The message of every invalid token, whatever was wrong with it. */
export const INVALID_TOKEN = 'Invalid access token';
