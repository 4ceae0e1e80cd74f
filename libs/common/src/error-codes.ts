/**
 * Every `code` Keyport's error bodies carry, with what it tells a client to do. Throwers pass these
 * names (`DomainError`'s options, the helpers' last argument); the OpenAPI document lists, for each
 * operation and status, the codes it can answer with these meanings. A code is a contract: add
 * freely, never rename. A failure without a specific code carries its kind's (the first group).
 */
export const ERROR_CODES = {
  // A failure's kind, when nothing more specific applies.
  VALIDATION_FAILED: 'The input is invalid; `details` names each field and what is wrong with it',
  UNAUTHENTICATED: 'Not signed in',
  FORBIDDEN: 'Not allowed for this caller',
  NOT_FOUND: 'It does not exist, or it is not yours',
  CONFLICT: 'Conflicts with the current state',
  PAYMENT_REQUIRED: 'The tier must be paid for first: open `checkoutUrl` (a Stripe Checkout page)',
  RATE_LIMITED: 'Too many requests; retry after `Retry-After` seconds',
  UNAVAILABLE: 'A service Keyport depends on (identity provider, gateway, payment provider) did not answer; retry later',

  // Failures the HTTP layer answers before any route runs.
  ROUTE_NOT_FOUND: 'No route has this path',
  METHOD_NOT_ALLOWED: 'The path exists, but not with this method',
  REQUEST_TIMEOUT: 'The request was not received in time',
  PAYLOAD_TOO_LARGE: 'The body is larger than 64 KiB',
  URI_TOO_LONG: 'The URL is too long',
  MALFORMED_URL: 'The URL is not well formed (for example a broken percent-encoding)',
  BODY_TOO_DEEP: 'The JSON body is nested deeper than 32 levels',
  UNSUPPORTED_MEDIA_TYPE: 'The body is not JSON, whatever its content type says; send `content-type: application/json`',
  SHUTTING_DOWN: 'This replica is shutting down; retry the request (another replica answers it)',
  INTERNAL_ERROR: 'Keyport failed; the message carries a reference to find in its log',

  // Access tokens (401, with a `WWW-Authenticate: Bearer` challenge).
  TOKEN_MISSING: 'No bearer access token was sent: sign in (POST /v1/auth/login) and send `Authorization: Bearer <accessToken>`',
  TOKEN_INVALID: 'The access token is not one Keyport accepts (malformed, forged, of another pool or app client, an ID or refresh token): sign in again',
  TOKEN_EXPIRED: 'The access token expired: get a new one with POST /v1/auth/refresh and retry',

  // Sign-up and sign-in.
  BAD_CREDENTIALS: 'Wrong e-mail or password (Keyport does not say which)',
  ACCOUNT_NOT_CONFIRMED: 'The sign-up is not confirmed yet: POST /v1/auth/confirm with the code (or ask an admin)',
  NEW_PASSWORD_REQUIRED: 'The account must set a new password before it can sign in',
  REFRESH_TOKEN_INVALID: 'The refresh token is invalid or expired: sign in again',
  EMAIL_TAKEN: 'An account with this e-mail address already exists',
  SESSION_INVALID: 'The sign-in session is invalid, used or expired (Cognito keeps it 3 minutes): sign in with the temporary password again',
  ALREADY_CONFIRMED: 'The account is already confirmed',
  CODE_INVALID: 'The code is wrong or expired (codes last one hour): ask for a new one',
  PASSWORD_INCORRECT: 'The current password is wrong',
  CROSS_SITE_REQUEST: 'A browser on another site sent this request with the session cookie: refused, to protect the session',
  ACCOUNT_LOCKED: 'Too many failed sign-ins for this account (AUTH_LOCKOUT_ATTEMPTS in AUTH_LOCKOUT_WINDOW): retry after `Retry-After` seconds',

  // Roles.
  NOT_A_DEVELOPER: 'An admin account that never signed up as a developer: developer routes are not for it',
  NOT_AN_ADMIN: 'The route is for admins (members of the Cognito group `admin`)',
  ACCOUNT_SUSPENDED: 'An admin suspended this developer account: its keys are disabled and its routes refused',
  ACCOUNT_DELETED: 'This developer account was deleted: its keys are revoked; sign up again to use Keyport',
  DEVELOPER_PENDING: 'The sign-up waits for an admin to approve it (SIGNUP_APPROVAL=manual): keys and applications can be created once approved',

  // Keys.
  KEY_LIMIT_REACHED: 'You hold the most live keys a developer may have (MAX_KEYS_PER_DEVELOPER): revoke one first',
  KEY_CAPACITY_REACHED: 'The gateway holds all the keys it may (AWS_MAX_API_KEYS): ask the operator',
  KEY_REVOKED: 'The key is revoked',
  KEY_ALREADY_ROTATED: 'The key was already rotated: rotate its successor',
  KEY_EXPIRY_IN_PAST: '`expiresAt` is not in the future: choose a later instant',
  KEY_EXPIRY_TOO_FAR: '`expiresAt` is more than one year ahead: choose an earlier instant',
  ROTATION_IN_GRACE: 'The key this one replaced is still in its grace period (`inGraceKeyId`, `graceEndsAt`): revoke it or wait, then rotate',

  // Tiers.
  TIER_NOT_FOUND: "The developer's tier no longer exists: ask an admin to move them to another tier",
  // Applications (client credentials).
  APPLICATION_LIMIT_REACHED: 'You hold the most applications a developer may have (MAX_APPLICATIONS_PER_DEVELOPER): delete one first',
  APP_CLIENT_QUOTA_REACHED: 'The user pool holds all the app clients Cognito allows it (COGNITO_APP_CLIENT_QUOTA): ask the operator',
  AUTHORIZER_SECRET_INVALID: 'The internal authorizer route needs `x-keyport-authorizer-secret` set to AUTHORIZER_SECRET (the Lambda authorizer sends it)',
  SECRET_ROTATION_IN_GRACE: 'The secret the last rotation replaced is still in its grace period (`graceEndsAt`): wait, then rotate',
  CLIENT_TOKEN_NOT_ALLOWED:
    "An application's token: it is for the gateway (and, for a service account with the admin scopes, the /v1/admin routes), not for this route",
  // The embedded gateway's refusals that API Gateway has no words for (its others carry only `message`).
  KEY_MISSING: 'The gateway takes the key in `x-api-key` together with the access token: send both',
  PERSON_TOKEN_NOT_METERED:
    "A person's token names no key to meter the call on: with GATEWAY_API_KEY_SOURCE=AUTHORIZER the embedded gateway meters a person on their oldest usable key and they hold none (create one, or call through an application); the Lambda authorizer meters applications only",
  SCOPE_MISSING: "The service account's token lacks the scope this route needs (`keyport/admin.read` to read, `keyport/admin.write` to change)",

  // The API catalogue.
  API_DOCUMENT_INVALID:
    'The document is not an OpenAPI 3.x document (YAML or JSON with `openapi`, `info.title`, `info.version` and `paths`); `message` and `details` say what the parser found',
  API_IMPORT_NEEDS_AWS: 'Importing a stage export reads API Gateway: it needs GATEWAY_DRIVER=aws (upload the document with PUT instead)',

  // Billing.
  BILLING_DISABLED: 'Billing is not enabled on this installation',
  SUBSCRIPTION_EXISTS: 'A subscription already bills: change or cancel it in the billing portal (POST /v1/billing/portal)',

  // Admin actions.
  ALREADY_DELETED: 'The developer is already deleted',
  ALREADY_SUSPENDED: 'The developer is already suspended',
  INVITATION_ACCEPTED: 'The invitation was accepted already: the user has set their password',
  CANNOT_REMOVE_OWN_ADMIN: 'An admin cannot remove their own admin role: ask another admin',
  LAST_ADMIN: 'The last admin cannot be removed: make another admin first',
  NOT_PENDING: 'The developer is not waiting for approval',
  NOT_SUSPENDED: 'The developer is not suspended',
  USAGE_PLAN_LIMIT_REACHED: 'Keyport holds the most usage plans it may (MAX_USAGE_PLANS): remove a developer quota first',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_CODES;
