export interface paths {
    "/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign up with e-mail and password
         * @description Creates the account in the Cognito user pool and the developer on the default tier (`standard`). The account must be confirmed before it can sign in: Cognito e-mails a code (on the embedded default the code is printed in the server log instead) for POST /v1/auth/confirm, or an admin confirms it.
         */
        post: operations["AuthController_signUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a sign-up with the code
         * @description Confirms the account with the code Cognito e-mailed (on the embedded default: printed in the server log).
         */
        post: operations["AuthController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in: access, ID and refresh tokens
         * @description Send the access token as `Authorization: Bearer <accessToken>`; when it expires (401 `TOKEN_EXPIRED`), POST /v1/auth/refresh.
         */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * New access and ID tokens from a refresh token
         * @description Trades the refresh token from sign-in for new access and ID tokens; the refresh token itself stays the same.
         */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tiers on offer
         * @description Every tier with the throttle and quota of its usage plan; pick one with PUT /v1/me/tier.
         */
        get: operations["TiersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in developer
         * @description Profile, tier and status of the developer the access token belongs to.
         */
        get: operations["MeController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/tier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change tier; every key moves to its plan
         * @description Without billing the change is immediate. With billing, a paid tier answers 402 with `checkoutUrl` (the tier changes once Stripe reports the payment), and moving down from a paid tier takes effect when the paid period ends.
         */
        put: operations["MeController_changeTier"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your keys (never their values)
         * @description Every key you made, oldest first, revoked ones included.
         */
        get: operations["KeysController_list"];
        put?: never;
        /**
         * Create a key; its value is shown once
         * @description The key is attached to the usage plan of your tier. It answers `status: provisioning` until the gateway holds it (on the embedded gateway, within milliseconds), then `active`. Keyport keeps only a hash of the value.
         */
        post: operations["KeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of your keys
         * @description A key by id; another developer's key is 404, like one that does not exist.
         */
        get: operations["KeysController_get"];
        put?: never;
        post?: never;
        /**
         * Revoke a key
         * @description The key stops working at the gateway at once and stays listed, as revoked. Revoking twice is harmless.
         */
        delete: operations["KeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a key, with a grace period for the old one
         * @description Issues a successor with the same name and plan; the old key keeps working for `gracePeriodSeconds`, then is revoked. The successor starts with the old key's count against the quota, so rotating never resets a quota.
         */
        post: operations["KeysController_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your daily usage and where you stand against your quota
         * @description Requests the gateway admitted, per UTC day and key, from `from` to `to` inclusive (at most 90 days; days without requests are left out), and the quota now: of `keyId` with its rotation predecessors, or without it of your live key closest to its limit.
         */
        get: operations["UsageController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/developers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List developers (search by e-mail, tier, status; cursor paging)
         * @description Developers in sign-up order, a page at a time: follow `nextCursor` until null. Developers who sign up meanwhile appear on a later page, nobody twice.
         */
        get: operations["AdminDevelopersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/developers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A developer: profile, tier, keys, quota override, billing, usage this period
         * @description Everything about one developer: keys (never values), their own quota if any, this period's usage and grants, and billing (null while billing is off).
         */
        get: operations["AdminDevelopersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/developers/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a developer's sign-up
         * @description Confirms the sign-up without the code, for installations without a mailbox; confirming twice is harmless.
         */
        post: operations["AdminDevelopersController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/developers/{id}/tier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change a developer's tier; every key moves plan
         * @description Applied at once and never billed. With billing, a subscription paying for another tier is cancelled at Stripe now; a paid tier given without one is a comp.
         */
        put: operations["AdminDevelopersController_changeTier"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/developers/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend a developer: every key disabled, own routes 403
         * @description Every key is disabled at the gateway and the developer's own routes answer 403 `ACCOUNT_SUSPENDED` until reinstated; the reason goes to the audit log.
         */
        post: operations["AdminDevelopersController_suspend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/developers/{id}/reinstate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reinstate a suspended developer
         * @description Their keys work again and their routes answer again.
         */
        post: operations["AdminDevelopersController_reinstate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: the process answers
         * @description Answers as long as the process serves HTTP; checks no dependency.
         */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: database, identity provider and gateway answer
         * @description Each dependency must answer within 3 s; otherwise 503 with `details` naming the ones that did not, plus `status` and `checks`.
         */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your billing status
         * @description The state of your newest subscription and the tier in effect.
         */
        get: operations["BillingController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a Stripe Checkout session for a paid tier
         * @description A Checkout page in subscription mode; the tier changes once Stripe reports the payment (webhook). While a subscription bills, switch plans in the portal instead.
         */
        post: operations["BillingController_checkout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing/portal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open the Stripe Customer Portal
         * @description Where you change plans, payment methods and cancel, and see invoices.
         */
        post: operations["BillingController_portal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your invoices
         * @description Your latest invoices from Stripe, newest first (at most 24).
         */
        get: operations["BillingController_invoices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe webhook endpoint (authenticated by the Stripe-Signature header)
         * @description For Stripe only. The signature over the raw body is checked with a 5-minute tolerance; every event id is kept, so a redelivery is acknowledged with `duplicate: true`. 503 while Stripe cannot be read: Stripe delivers again.
         */
        post: operations["BillingWebhookController_receive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/developers/{id}/billing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A developer's billing state
         * @description As GET /v1/billing for the developer, plus their Stripe customer and subscription ids.
         */
        get: operations["AdminBillingController_billingState"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/developers/{id}/quota": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Give a developer their own quota
         * @description Replaces the tier's quota with the developer's own usage plan (their tier's throttle, this quota); 409 when MAX_USAGE_PLANS plans exist.
         */
        put: operations["AdminQuotaController_set"];
        post?: never;
        /**
         * Return a developer to their tier's quota
         * @description Their keys move back to the tier plan and their own plan is deleted; 404 when they have no quota of their own.
         */
        delete: operations["AdminQuotaController_clear"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/developers/{id}/quota/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add requests to the current quota period only
         * @description Adds the requests to each live key's remaining quota until the period resets.
         */
        post: operations["AdminQuotaController_grant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tiers with their usage plan settings
         * @description Every tier with its throttle, quota and Stripe price.
         */
        get: operations["AdminTiersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tiers/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Edit a tier's name, throttle or quota; applied to its usage plan
         * @description Fields left out stay as they are. The tier's usage plan follows through the outbox (on AWS at most one plan update per AWS_PLAN_UPDATE_INTERVAL).
         */
        put: operations["AdminTiersController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit log, newest first, filtered and paged
         * @description Every admin action and security event, with actor, target, the state before and after, and the request id. Follow `nextCursor` until null.
         */
        get: operations["AdminAuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Usage totals grouped by day, developer, tier or key
         * @description Requests over UTC days `from` to `to` inclusive (at most 366; default the last 30). `groupBy=developer|key` come a page at a time (the next `limit` ids in id order): follow `nextCursor` until null; `total` covers every page.
         */
        get: operations["AdminUsageController_totals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/usage/top": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Heaviest developers with their share of quota
         * @description The developers with the most requests over the range, with their requests over the quota of the periods the range touches.
         */
        get: operations["AdminUsageController_top"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/usage/quota-utilization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Developers at or above a share of their quota this period
         * @description This period's requests over quota plus grants, highest first.
         */
        get: operations["AdminUsageController_utilization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/usage.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Usage per developer, key and day as streamed CSV
         * @description Streamed in (key, day) order, a batch at a time as the client reads; memory does not grow with the range.
         */
        get: operations["AdminUsageController_csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/gateway/usage-sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ingest usage from API Gateway now (AWS driver)
         * @description Reads the last `days` days of usage from API Gateway (GetUsage) into the daily usage store, as the worker does on a schedule.
         */
        post: operations["AdminGatewayController_usageSync"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ErrorDetailDto: {
            /**
             * @description The request field the problem is about (a dotted path for nested fields)
             * @example email
             */
            field?: string;
            /**
             * @description What is wrong with it
             * @example must be an email
             */
            message: string;
        };
        ErrorBodyDto: {
            /**
             * @description HTTP status code
             * @example 400
             */
            statusCode: number;
            /**
             * @description HTTP reason phrase
             * @example Bad Request
             */
            error: string;
            /**
             * @description What went wrong, for a person
             * @example Invalid request
             */
            message: string;
            /**
             * @description A stable code a client can branch on, more specific than the status; each response lists the codes it can carry
             * @example VALIDATION_FAILED
             */
            code: string;
            /** @description Field-level problems (invalid input): one per field */
            details?: components["schemas"]["ErrorDetailDto"][];
        };
        SignUpDto: {
            /**
             * Format: email
             * @description E-mail address; becomes the sign-in name
             * @example dev@example.com
             */
            email: string;
            /**
             * @description At least 8 characters with a lowercase letter, an uppercase letter, a digit and a symbol
             * @example Correct-Horse-9
             */
            password: string;
        };
        SignUpResponseDto: {
            /**
             * Format: uuid
             * @description Id of the new developer (the Cognito user sub)
             */
            userId: string;
            /** @description Whether the account is already confirmed */
            confirmed: boolean;
        };
        ConfirmDto: {
            /**
             * Format: email
             * @description E-mail address used at sign-up
             * @example dev@example.com
             */
            email: string;
            /**
             * @description Confirmation code e-mailed by Cognito (on the embedded default, printed in the server log)
             * @example 123456
             */
            code: string;
        };
        LoginDto: {
            /**
             * Format: email
             * @description E-mail address; becomes the sign-in name
             * @example dev@example.com
             */
            email: string;
            /**
             * @description At least 8 characters with a lowercase letter, an uppercase letter, a digit and a symbol
             * @example Correct-Horse-9
             */
            password: string;
        };
        TokensResponseDto: {
            /** @description Cognito access token: send as `Authorization: Bearer <token>` */
            accessToken: string;
            /** @description Cognito ID token (identity claims; not accepted by this API) */
            idToken: string;
            /** @description Refresh token (left out in the answer to a refresh) */
            refreshToken?: string;
            /**
             * @description Seconds until the access token expires
             * @example 3600
             */
            expiresIn: number;
        };
        RefreshDto: {
            /** @description Refresh token from sign-in */
            refreshToken: string;
        };
        ThrottleDto: {
            /**
             * @description Steady-state requests per second (may be fractional)
             * @example 100
             */
            rateLimit: number;
            /**
             * @description Requests allowed in a burst
             * @example 200
             */
            burstLimit: number;
        };
        QuotaDto: {
            /**
             * @description Requests allowed per period
             * @example 1000000
             */
            limit: number;
            /**
             * @description Quota period (UTC boundaries)
             * @enum {string}
             */
            period: "DAY" | "WEEK" | "MONTH";
        };
        TierDto: {
            /**
             * @description Tier identifier
             * @example standard
             */
            slug: string;
            /**
             * @description Display name
             * @example Standard
             */
            name: string;
            /** @description Throttle of the tier usage plan */
            throttle: components["schemas"]["ThrottleDto"];
            /** @description Quota of the tier usage plan */
            quota: components["schemas"]["QuotaDto"];
        };
        MeDto: {
            /**
             * Format: uuid
             * @description Developer id (Cognito sub)
             */
            id: string;
            /**
             * Format: email
             * @description E-mail address
             * @example dev@example.com
             */
            email: string;
            /**
             * @description Current tier slug
             * @example standard
             */
            tier: string;
            /**
             * @description Account status
             * @enum {string}
             */
            status: "active" | "suspended";
            /**
             * Format: date-time
             * @description When the account was created
             */
            createdAt: string;
        };
        ChangeTierDto: {
            /**
             * @description Slug of the tier to move to
             * @example premium
             */
            tier: string;
        };
        TierChangedDto: {
            /**
             * @description The tier now in effect
             * @example premium
             */
            tier: string;
            /**
             * @description With billing, moving down from a paid tier: the tier that takes effect when the paid period ends
             * @example standard
             */
            pendingTier?: string;
            /**
             * Format: date-time
             * @description Present with `pendingTier`: when it takes effect (null if Stripe has not said)
             */
            effectiveAt?: string | null;
        };
        PaymentRequiredBodyDto: {
            /**
             * @description HTTP status code
             * @example 400
             */
            statusCode: number;
            /**
             * @description HTTP reason phrase
             * @example Bad Request
             */
            error: string;
            /**
             * @description What went wrong, for a person
             * @example Invalid request
             */
            message: string;
            /**
             * @description A stable code a client can branch on, more specific than the status; each response lists the codes it can carry
             * @example VALIDATION_FAILED
             */
            code: string;
            /** @description Field-level problems (invalid input): one per field */
            details?: components["schemas"]["ErrorDetailDto"][];
            /**
             * Format: uri
             * @description A Stripe Checkout page that sells the tier; the tier changes once Stripe reports the payment
             */
            checkoutUrl: string;
        };
        CreateKeyDto: {
            /**
             * @description A name to tell keys apart (no control characters)
             * @example production
             */
            name: string;
        };
        IssuedKeyDto: {
            /**
             * Format: uuid
             * @description Key id
             */
            id: string;
            /**
             * @description Name given at creation
             * @example production
             */
            name: string;
            /**
             * @description First characters of the value, to recognise it
             * @example kpA1b2C3
             */
            prefix: string;
            /**
             * @description Last four characters of the value
             * @example x9Zq
             */
            last4: string;
            /**
             * @description provisioning until the gateway has the key
             * @enum {string}
             */
            status: "provisioning" | "active" | "revoked";
            /**
             * Format: date-time
             * @description When the key was created
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description When a rotated key stops working; null for a key that was not rotated
             */
            expiresAt: string | null;
            /**
             * Format: date-time
             * @description When the key was revoked; null while it is live
             */
            revokedAt: string | null;
            /**
             * Format: uuid
             * @description The key this one replaced by rotation; null for a first key
             */
            rotatedFromId: string | null;
            /**
             * @description The key value: shown this once, store it now
             * @example kp...
             */
            value: string;
        };
        KeyDto: {
            /**
             * Format: uuid
             * @description Key id
             */
            id: string;
            /**
             * @description Name given at creation
             * @example production
             */
            name: string;
            /**
             * @description First characters of the value, to recognise it
             * @example kpA1b2C3
             */
            prefix: string;
            /**
             * @description Last four characters of the value
             * @example x9Zq
             */
            last4: string;
            /**
             * @description provisioning until the gateway has the key
             * @enum {string}
             */
            status: "provisioning" | "active" | "revoked";
            /**
             * Format: date-time
             * @description When the key was created
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description When a rotated key stops working; null for a key that was not rotated
             */
            expiresAt: string | null;
            /**
             * Format: date-time
             * @description When the key was revoked; null while it is live
             */
            revokedAt: string | null;
            /**
             * Format: uuid
             * @description The key this one replaced by rotation; null for a first key
             */
            rotatedFromId: string | null;
        };
        KeyListDto: {
            /** @description Your keys, oldest first, revoked ones included */
            items: components["schemas"]["KeyDto"][];
        };
        RotateKeyDto: {
            /**
             * @description Seconds the old key keeps working (default 86400; 0 revokes it now)
             * @example 86400
             */
            gracePeriodSeconds?: number;
        };
        UsageItemDto: {
            /**
             * Format: date
             * @description UTC day
             * @example 2026-11-25
             */
            date: string;
            /**
             * Format: uuid
             * @description Key the requests were made with
             */
            keyId: string;
            /**
             * @description Requests the gateway admitted that day with that key
             * @example 1200
             */
            requests: number;
        };
        QuotaStatusDto: {
            /**
             * @description Requests allowed per period: the tier's (or your own) quota plus what an admin granted this period
             * @example 1000000
             */
            limit: number;
            /**
             * @description Quota period (UTC boundaries, weeks start on Monday)
             * @enum {string}
             */
            period: "DAY" | "WEEK" | "MONTH";
            /**
             * @description Requests counted this period: of the asked key with its rotation predecessors, or without keyId of your live key closest to its limit
             * @example 1200
             */
            used: number;
            /**
             * @description Requests left this period (never negative)
             * @example 998800
             */
            remaining: number;
            /**
             * Format: date-time
             * @description When the period ends and the count starts again
             * @example 2026-12-01T00:00:00.000Z
             */
            resetsAt: string;
        };
        UsageDto: {
            /** @description Requests per day and key, oldest day first; days without requests are left out */
            items: components["schemas"]["UsageItemDto"][];
            /** @description Where the quota stands now (up to a few seconds behind the gateway) */
            quota: components["schemas"]["QuotaStatusDto"];
        };
        AdminDeveloperDto: {
            /**
             * Format: uuid
             * @description Developer id (Cognito sub)
             */
            id: string;
            /**
             * Format: email
             * @description E-mail address
             * @example dev@example.com
             */
            email: string;
            /**
             * @description Current tier slug
             * @example standard
             */
            tier: string;
            /**
             * @description Account status
             * @enum {string}
             */
            status: "active" | "suspended";
            /**
             * Format: date-time
             * @description When the account was created
             */
            createdAt: string;
            /** @description Why the developer was suspended; null while not suspended */
            suspendedReason: string | null;
            /** @description Whether the sign-up is confirmed */
            confirmed: boolean;
            /** @description The developer’s own quota, replacing the tier’s; null when none */
            quotaOverride: components["schemas"]["QuotaDto"] | null;
        };
        DeveloperPageDto: {
            /** @description Developers in sign-up order */
            items: components["schemas"]["AdminDeveloperDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        AdminBillingStatusDto: {
            /**
             * @description Status of the newest subscription, or `none`
             * @enum {string}
             */
            status: "none" | "incomplete" | "incomplete_expired" | "trialing" | "active" | "past_due" | "canceled" | "unpaid" | "paused";
            /**
             * @description The tier now in effect
             * @example premium
             */
            tier: string;
            /**
             * Format: date-time
             * @description End of the paid period, or null
             */
            currentPeriodEnd: string | null;
            /** @description Whether the subscription ends at the end of the period */
            cancelAtPeriodEnd: boolean;
            /**
             * Format: date-time
             * @description Since when payment is overdue (the grace runs from here), or null
             */
            pastDueSince: string | null;
            /** @description Whether billing is configured on this installation */
            enabled: boolean;
            /** @description Stripe customer id, or null */
            customerId: string | null;
            /** @description Stripe id of the newest subscription, or null */
            subscriptionId: string | null;
        };
        PeriodUsageDto: {
            /**
             * @description Quota period in effect
             * @enum {string}
             */
            period: "DAY" | "WEEK" | "MONTH";
            /**
             * Format: date-time
             * @description Start of the current quota period (UTC)
             */
            periodStart: string;
            /**
             * Format: date-time
             * @description When the quota resets
             */
            periodEnd: string;
            /**
             * @description Requests of all keys this period
             * @example 1234
             */
            used: number;
            /**
             * @description Quota in effect (the developer’s own, else the tier’s)
             * @example 1000000
             */
            limit: number;
            /**
             * @description Requests admins granted for this period
             * @example 0
             */
            granted: number;
        };
        AdminDeveloperDetailDto: {
            /**
             * Format: uuid
             * @description Developer id (Cognito sub)
             */
            id: string;
            /**
             * Format: email
             * @description E-mail address
             * @example dev@example.com
             */
            email: string;
            /**
             * @description Current tier slug
             * @example standard
             */
            tier: string;
            /**
             * @description Account status
             * @enum {string}
             */
            status: "active" | "suspended";
            /**
             * Format: date-time
             * @description When the account was created
             */
            createdAt: string;
            /** @description Why the developer was suspended; null while not suspended */
            suspendedReason: string | null;
            /** @description Whether the sign-up is confirmed */
            confirmed: boolean;
            /** @description The developer’s own quota, replacing the tier’s; null when none */
            quotaOverride: components["schemas"]["QuotaDto"] | null;
            /** @description Every key, revoked ones included; never a value */
            keys: components["schemas"]["KeyDto"][];
            /** @description Billing state (as GET /v1/admin/developers/{id}/billing); null while billing is off */
            billing: components["schemas"]["AdminBillingStatusDto"] | null;
            /** @description Usage in the current quota period */
            usage: components["schemas"]["PeriodUsageDto"];
        };
        SuspendDto: {
            /**
             * @description Why: recorded in the audit log and shown to admins
             * @example Scraping in breach of the terms
             */
            reason: string;
        };
        LiveDto: {
            /**
             * @description Always `ok` when the process answers
             * @enum {string}
             */
            status: "ok";
        };
        ReadyDto: {
            /**
             * @description `ok` when every dependency answers
             * @enum {string}
             */
            status: "ok";
            /**
             * @description Each dependency (database, identity, gateway) and whether it answered
             * @example {
             *       "database": "ok",
             *       "identity": "ok",
             *       "gateway": "ok"
             *     }
             */
            checks: {
                [key: string]: "ok" | "unavailable";
            };
            /** @description The gateway driver: name, key capacity and sync backlog */
            gateway?: Record<string, never>;
        };
        BillingStatusDto: {
            /**
             * @description Status of the newest subscription, or `none`
             * @enum {string}
             */
            status: "none" | "incomplete" | "incomplete_expired" | "trialing" | "active" | "past_due" | "canceled" | "unpaid" | "paused";
            /**
             * @description The tier now in effect
             * @example premium
             */
            tier: string;
            /**
             * Format: date-time
             * @description End of the paid period, or null
             */
            currentPeriodEnd: string | null;
            /** @description Whether the subscription ends at the end of the period */
            cancelAtPeriodEnd: boolean;
            /**
             * Format: date-time
             * @description Since when payment is overdue (the grace runs from here), or null
             */
            pastDueSince: string | null;
        };
        CheckoutDto: {
            /**
             * @description Slug of the paid tier to subscribe to
             * @example premium
             */
            tier: string;
        };
        RedirectUrlDto: {
            /**
             * Format: uri
             * @description Stripe-hosted page to send the developer to
             * @example https://checkout.stripe.com/c/pay/cs_test_a1b2
             */
            url: string;
        };
        InvoiceDto: {
            /** @description Stripe invoice id */
            id: string;
            /** @description Invoice number, once finalized */
            number: string | null;
            /** @description draft, open, paid, uncollectible or void */
            status: string | null;
            /** @description Amount due, in the smallest currency unit */
            amountDue: number;
            /** @description Amount paid, in the smallest currency unit */
            amountPaid: number;
            /**
             * @description Three-letter ISO currency code
             * @example usd
             */
            currency: string;
            /**
             * Format: date-time
             * @description When the invoice was created
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description Start of the billed period
             */
            periodStart: string;
            /**
             * Format: date-time
             * @description End of the billed period
             */
            periodEnd: string;
            /**
             * Format: uri
             * @description Stripe-hosted page of the invoice
             */
            hostedInvoiceUrl: string | null;
            /**
             * Format: uri
             * @description PDF of the invoice
             */
            pdfUrl: string | null;
        };
        InvoiceListDto: {
            /** @description Newest first (at most 24) */
            items: components["schemas"]["InvoiceDto"][];
        };
        WebhookReceivedDto: {
            /** @description Always true: the event was verified and is recorded */
            received: boolean;
            /** @description True when this event id was seen before and was ignored */
            duplicate: boolean;
        };
        SetQuotaDto: {
            /**
             * @description Requests allowed per period
             * @example 5000000
             */
            limit: number;
            /**
             * @description Quota period (UTC boundaries; weeks start on Monday)
             * @enum {string}
             */
            period: "DAY" | "WEEK" | "MONTH";
        };
        GrantDto: {
            /**
             * @description Requests to add to every key’s remaining quota, for the current period only
             * @example 10000
             */
            requests: number;
        };
        GrantResultDto: {
            /**
             * Format: date-time
             * @description Start of the period the grant applies to
             */
            periodStart: string;
            /**
             * Format: date-time
             * @description When the grant lapses with the quota reset
             */
            periodEnd: string;
            /**
             * @description All requests granted for this period, this grant included
             * @example 10000
             */
            grantedThisPeriod: number;
        };
        AdminTierDto: {
            /**
             * @description Tier identifier
             * @example standard
             */
            slug: string;
            /**
             * @description Display name
             * @example Standard
             */
            name: string;
            /** @description Throttle of the tier usage plan */
            throttle: components["schemas"]["ThrottleDto"];
            /** @description Quota of the tier usage plan */
            quota: components["schemas"]["QuotaDto"];
            /** @description Stripe price that grants this tier; null for a free tier */
            stripePriceId: string | null;
        };
        ThrottleInputDto: {
            /**
             * @description Steady-state requests per second (may be fractional)
             * @example 100
             */
            rateLimit: number;
            /**
             * @description Requests allowed in a burst
             * @example 200
             */
            burstLimit: number;
        };
        UpdateTierDto: {
            /**
             * @description Display name
             * @example Standard
             */
            name?: string;
            /** @description New throttle of the tier’s usage plan */
            throttle?: components["schemas"]["ThrottleInputDto"];
            /** @description New quota of the tier’s usage plan */
            quota?: components["schemas"]["SetQuotaDto"];
        };
        AuditPartyDto: {
            /** @description developer, admin, system or anonymous (actors); developer, api_key, tier, email (targets) */
            type: string | null;
            /** @description Id of the party; null for an anonymous actor */
            id: string | null;
        };
        AuditEntryDto: {
            /** @description Entry id; grows with every entry */
            id: string;
            /**
             * Format: date-time
             * @description When it happened
             */
            at: string;
            /** @description Who acted */
            actor: components["schemas"]["AuditPartyDto"];
            /**
             * @description What was done
             * @example developer.suspended
             */
            action: string;
            /** @description What it was done to */
            target: components["schemas"]["AuditPartyDto"];
            /** @description State before (the fields that changed); null when there was none */
            before: {
                [key: string]: unknown;
            } | null;
            /** @description State after (the fields that changed); null when there is none */
            after: {
                [key: string]: unknown;
            } | null;
            /** @description Id of the HTTP request (the `x-request-id` header); null for work done outside a request */
            requestId: string | null;
        };
        AuditPageDto: {
            /** @description Entries, newest first */
            items: components["schemas"]["AuditEntryDto"][];
            /** @description Pass as `cursor` for older entries; null on the last page */
            nextCursor: string | null;
        };
        UsageGroupDto: {
            /**
             * @description The day (YYYY-MM-DD), developer id, tier slug or key id
             * @example 2026-11-01
             */
            group: string;
            /**
             * @description Requests in the range
             * @example 1234
             */
            requests: number;
            /**
             * Format: uuid
             * @description Owner of the key (present with groupBy=key only)
             */
            developerId?: string;
        };
        UsageTotalsDto: {
            /**
             * Format: date
             * @description First day of the range
             * @example 2026-11-01
             */
            from: string;
            /**
             * Format: date
             * @description Last day of the range, inclusive
             * @example 2026-11-30
             */
            to: string;
            /**
             * @description What the groups are
             * @enum {string}
             */
            groupBy: "day" | "developer" | "tier" | "key";
            /**
             * @description Requests in the range over all groups (every page)
             * @example 98765
             */
            total: number;
            /** @description Groups with usage, in group order; for developer and key, those among the next `limit` ids (a page may hold fewer) */
            groups: components["schemas"]["UsageGroupDto"][];
            /** @description Pass as `cursor` for the next page of developers or keys; null on the last page (and for day and tier) */
            nextCursor: string | null;
        };
        DeveloperUsageDto: {
            /**
             * Format: uuid
             * @description Developer id
             */
            developerId: string;
            /**
             * Format: email
             * @description E-mail address
             */
            email: string;
            /**
             * @description Current tier
             * @example standard
             */
            tier: string;
            /** @description Quota in effect (own, else the tier’s) */
            quota: components["schemas"]["QuotaDto"];
            /**
             * @description Requests counted
             * @example 123456
             */
            requests: number;
            /**
             * @description Requests over the quota available (top: over the range’s quota periods)
             * @example 0.42
             */
            share: number;
        };
        TopUsageDto: {
            /**
             * Format: date
             * @description First day of the range
             * @example 2026-09-01
             */
            from: string;
            /**
             * Format: date
             * @description Last day of the range, inclusive
             * @example 2026-11-30
             */
            to: string;
            /** @description Heaviest first */
            items: components["schemas"]["DeveloperUsageDto"][];
        };
        UtilizationItemDto: {
            /**
             * Format: uuid
             * @description Developer id
             */
            developerId: string;
            /**
             * Format: email
             * @description E-mail address
             */
            email: string;
            /**
             * @description Current tier
             * @example standard
             */
            tier: string;
            /** @description Quota in effect (own, else the tier’s) */
            quota: components["schemas"]["QuotaDto"];
            /**
             * @description Requests counted
             * @example 123456
             */
            requests: number;
            /**
             * @description Requests over the quota available (top: over the range’s quota periods)
             * @example 0.42
             */
            share: number;
            /**
             * @description Requests granted for this period
             * @example 0
             */
            granted: number;
            /**
             * Format: date-time
             * @description Start of the developer’s current quota period
             */
            periodStart: string;
            /**
             * Format: date-time
             * @description When their quota resets
             */
            periodEnd: string;
        };
        QuotaUtilizationDto: {
            /**
             * @description The threshold asked for
             * @example 0.8
             */
            threshold: number;
            /**
             * @description How many developers are at or above it
             * @example 12
             */
            total: number;
            /** @description Highest share first */
            items: components["schemas"]["UtilizationItemDto"][];
        };
        UsageSyncDto: {
            /**
             * @description Recent days to read again (default USAGE_SYNC_DAYS)
             * @example 3
             */
            days?: number;
        };
        UsageSyncResultDto: {
            /**
             * Format: date
             * @description First day read (UTC)
             * @example 2026-11-23
             */
            from: string;
            /**
             * Format: date
             * @description Last day read (UTC)
             * @example 2026-11-25
             */
            to: string;
            /** @description Usage plans read */
            plans: number;
            /** @description Key-days with requests written to the daily usage store */
            rows: number;
            /** @description Gateway keys with usage that Keyport does not know */
            unknownKeys: number;
        };
    };
    responses: {
        /**
         * @description Unauthorized. Codes:
         *     - `TOKEN_MISSING`: No bearer access token was sent: sign in (POST /v1/auth/login) and send `Authorization: Bearer <accessToken>`
         *     - `TOKEN_INVALID`: The access token is not one Keyport accepts (malformed, forged, of another pool or app client, an ID or refresh token): sign in again
         *     - `TOKEN_EXPIRED`: The access token expired: get a new one with POST /v1/auth/refresh and retry
         */
        Unauthenticated: {
            headers: {
                /** @description The Bearer challenge (RFC 6750): `error="invalid_token"` when a token was sent and refused */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBodyDto"];
            };
        };
        /**
         * @description Payload Too Large. Codes:
         *     - `PAYLOAD_TOO_LARGE`: The body is larger than 64 KiB
         */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBodyDto"];
            };
        };
        /**
         * @description Unsupported Media Type. Codes:
         *     - `UNSUPPORTED_MEDIA_TYPE`: The body is not JSON, whatever its content type says; send `content-type: application/json`
         */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBodyDto"];
            };
        };
        /**
         * @description Too Many Requests. Codes:
         *     - `RATE_LIMITED`: Too many requests; retry after `Retry-After` seconds
         */
        RateLimited: {
            headers: {
                /** @description Seconds until a request is admitted again */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBodyDto"];
            };
        };
        /**
         * @description Internal Server Error. Codes:
         *     - `INTERNAL_ERROR`: Keyport failed; the message carries a reference to find in its log
         */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBodyDto"];
            };
        };
        /**
         * @description Service Unavailable. Codes:
         *     - `UNAVAILABLE`: A service Keyport depends on (identity provider, gateway, payment provider) did not answer; retry later
         */
        Unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBodyDto"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuthController_signUp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignUpDto"];
            };
        };
        responses: {
            /** @description Account created; confirm it before signing in */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignUpResponseDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Conflict. Codes:
             *     - `EMAIL_TAKEN`: An account with this e-mail address already exists
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            /**
             * @description Service Unavailable. Codes:
             *     - `UNAVAILABLE`: A service Keyport depends on (identity provider, gateway, payment provider) did not answer; retry later
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuthController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmDto"];
            };
        };
        responses: {
            /** @description Account confirmed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not Found. Codes:
             *     - `NOT_FOUND`: It does not exist, or it is not yours
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Conflict. Codes:
             *     - `ALREADY_CONFIRMED`: The account is already confirmed
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            /**
             * @description Service Unavailable. Codes:
             *     - `UNAVAILABLE`: A service Keyport depends on (identity provider, gateway, payment provider) did not answer; retry later
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokensResponseDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Unauthorized. Codes:
             *     - `BAD_CREDENTIALS`: Wrong e-mail or password (Keyport does not say which)
             *     - `ACCOUNT_NOT_CONFIRMED`: The sign-up is not confirmed yet: POST /v1/auth/confirm with the code (or ask an admin)
             *     - `NEW_PASSWORD_REQUIRED`: The account must set a new password before it can sign in
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            /**
             * @description Service Unavailable. Codes:
             *     - `UNAVAILABLE`: A service Keyport depends on (identity provider, gateway, payment provider) did not answer; retry later
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            /** @description New tokens (without a refresh token) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokensResponseDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Unauthorized. Codes:
             *     - `REFRESH_TOKEN_INVALID`: The refresh token is invalid or expired: sign in again
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            /**
             * @description Service Unavailable. Codes:
             *     - `UNAVAILABLE`: A service Keyport depends on (identity provider, gateway, payment provider) did not answer; retry later
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    TiersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tiers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TierDto"][];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    MeController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The developer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_A_DEVELOPER`: An admin account that never signed up as a developer: developer routes are not for it
             *     - `ACCOUNT_SUSPENDED`: An admin suspended this developer account: its keys are disabled and its routes refused
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    MeController_changeTier: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeTierDto"];
            };
        };
        responses: {
            /** @description Tier changed; every key moves to the new plan. Moving down from a paid tier takes effect at the end of the paid period (`pendingTier`, `effectiveAt`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TierChangedDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Payment Required. Codes:
             *     - `PAYMENT_REQUIRED`: The tier must be paid for first: open `checkoutUrl` (a Stripe Checkout page)
             */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentRequiredBodyDto"];
                };
            };
            /**
             * @description Forbidden. Codes:
             *     - `NOT_A_DEVELOPER`: An admin account that never signed up as a developer: developer routes are not for it
             *     - `ACCOUNT_SUSPENDED`: An admin suspended this developer account: its keys are disabled and its routes refused
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Conflict. Codes:
             *     - `SUBSCRIPTION_EXISTS`: A subscription already bills: change or cancel it in the billing portal (POST /v1/billing/portal)
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            /**
             * @description Service Unavailable. Codes:
             *     - `UNAVAILABLE`: A service Keyport depends on (identity provider, gateway, payment provider) did not answer; retry later
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    KeysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyListDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_A_DEVELOPER`: An admin account that never signed up as a developer: developer routes are not for it
             *     - `ACCOUNT_SUSPENDED`: An admin suspended this developer account: its keys are disabled and its routes refused
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    KeysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateKeyDto"];
            };
        };
        responses: {
            /** @description The new key with its value, shown once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedKeyDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_A_DEVELOPER`: An admin account that never signed up as a developer: developer routes are not for it
             *     - `ACCOUNT_SUSPENDED`: An admin suspended this developer account: its keys are disabled and its routes refused
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Conflict. Codes:
             *     - `KEY_LIMIT_REACHED`: You hold the most live keys a developer may have (MAX_KEYS_PER_DEVELOPER): revoke one first
             *     - `KEY_CAPACITY_REACHED`: The gateway holds all the keys it may (AWS_MAX_API_KEYS): ask the operator
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    KeysController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Key id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key (never its value) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_A_DEVELOPER`: An admin account that never signed up as a developer: developer routes are not for it
             *     - `ACCOUNT_SUSPENDED`: An admin suspended this developer account: its keys are disabled and its routes refused
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not Found. Codes:
             *     - `NOT_FOUND`: It does not exist, or it is not yours
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    KeysController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Key id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked: the key stops working and stays listed as revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_A_DEVELOPER`: An admin account that never signed up as a developer: developer routes are not for it
             *     - `ACCOUNT_SUSPENDED`: An admin suspended this developer account: its keys are disabled and its routes refused
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not Found. Codes:
             *     - `NOT_FOUND`: It does not exist, or it is not yours
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    KeysController_rotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Key id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RotateKeyDto"];
            };
        };
        responses: {
            /** @description The successor key with its value, shown once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedKeyDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_A_DEVELOPER`: An admin account that never signed up as a developer: developer routes are not for it
             *     - `ACCOUNT_SUSPENDED`: An admin suspended this developer account: its keys are disabled and its routes refused
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not Found. Codes:
             *     - `NOT_FOUND`: It does not exist, or it is not yours
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Conflict. Codes:
             *     - `KEY_REVOKED`: The key is revoked
             *     - `KEY_ALREADY_ROTATED`: The key was already rotated: rotate its successor
             *     - `KEY_CAPACITY_REACHED`: The gateway holds all the keys it may (AWS_MAX_API_KEYS): ask the operator
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    UsageController_report: {
        parameters: {
            query: {
                /** @description First day of the range, inclusive (UTC) */
                from: string;
                /** @description Last day of the range, inclusive (UTC); at most 90 days counting both ends */
                to: string;
                /** @description Only this key (one of yours, revoked ones included) */
                keyId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Requests per day and key in the range, and the current quota */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsageDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_A_DEVELOPER`: An admin account that never signed up as a developer: developer routes are not for it
             *     - `ACCOUNT_SUSPENDED`: An admin suspended this developer account: its keys are disabled and its routes refused
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not Found. Codes:
             *     - `NOT_FOUND`: It does not exist, or it is not yours
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    AdminDevelopersController_list: {
        parameters: {
            query?: {
                /** @description Part of the e-mail address (case-insensitive) */
                search?: string;
                /** @description Only developers on this tier */
                tier?: string;
                /** @description Only developers with this status */
                status?: "active" | "suspended";
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                /** @description Developers per page */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Developers in sign-up order, a page at a time */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeveloperPageDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_AN_ADMIN`: The route is for admins (members of the Cognito group `admin`)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    AdminDevelopersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Developer id (their Cognito sub) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The developer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminDeveloperDetailDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_AN_ADMIN`: The route is for admins (members of the Cognito group `admin`)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not Found. Codes:
             *     - `NOT_FOUND`: It does not exist, or it is not yours
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    AdminDevelopersController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Developer id (their Cognito sub) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sign-up confirmed without the e-mailed code */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_AN_ADMIN`: The route is for admins (members of the Cognito group `admin`)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not Found. Codes:
             *     - `NOT_FOUND`: It does not exist, or it is not yours
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Conflict. Codes:
             *     - `ALREADY_CONFIRMED`: The account is already confirmed
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            /**
             * @description Service Unavailable. Codes:
             *     - `UNAVAILABLE`: A service Keyport depends on (identity provider, gateway, payment provider) did not answer; retry later
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminDevelopersController_changeTier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Developer id (their Cognito sub) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeTierDto"];
            };
        };
        responses: {
            /** @description Tier changed at once and never billed; every key moves to the new plan, and a subscription paying for another tier ends now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminDeveloperDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_AN_ADMIN`: The route is for admins (members of the Cognito group `admin`)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not Found. Codes:
             *     - `NOT_FOUND`: It does not exist, or it is not yours
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    AdminDevelopersController_suspend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Developer id (their Cognito sub) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuspendDto"];
            };
        };
        responses: {
            /** @description Suspended: every key is disabled and the developer’s routes answer 403 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminDeveloperDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_AN_ADMIN`: The route is for admins (members of the Cognito group `admin`)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not Found. Codes:
             *     - `NOT_FOUND`: It does not exist, or it is not yours
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Conflict. Codes:
             *     - `ALREADY_SUSPENDED`: The developer is already suspended
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    AdminDevelopersController_reinstate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Developer id (their Cognito sub) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reinstated: keys work again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminDeveloperDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_AN_ADMIN`: The route is for admins (members of the Cognito group `admin`)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not Found. Codes:
             *     - `NOT_FOUND`: It does not exist, or it is not yours
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Conflict. Codes:
             *     - `NOT_SUSPENDED`: The developer is not suspended
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveDto"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Database, identity provider and gateway driver answer; `gateway` reports the driver, key capacity and sync backlog */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadyDto"];
                };
            };
            500: components["responses"]["InternalError"];
            /**
             * @description Service Unavailable. Codes:
             *     - `UNAVAILABLE`: A service Keyport depends on (identity provider, gateway, payment provider) did not answer; retry later
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    BillingController_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your billing status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingStatusDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_A_DEVELOPER`: An admin account that never signed up as a developer: developer routes are not for it
             *     - `ACCOUNT_SUSPENDED`: An admin suspended this developer account: its keys are disabled and its routes refused
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not Found. Codes:
             *     - `BILLING_DISABLED`: Billing is not enabled on this installation
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    BillingController_checkout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckoutDto"];
            };
        };
        responses: {
            /** @description A Stripe Checkout page (subscription mode) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedirectUrlDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_A_DEVELOPER`: An admin account that never signed up as a developer: developer routes are not for it
             *     - `ACCOUNT_SUSPENDED`: An admin suspended this developer account: its keys are disabled and its routes refused
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not Found. Codes:
             *     - `BILLING_DISABLED`: Billing is not enabled on this installation
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Conflict. Codes:
             *     - `SUBSCRIPTION_EXISTS`: A subscription already bills: change or cancel it in the billing portal (POST /v1/billing/portal)
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    BillingController_portal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A Stripe Customer Portal session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedirectUrlDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_A_DEVELOPER`: An admin account that never signed up as a developer: developer routes are not for it
             *     - `ACCOUNT_SUSPENDED`: An admin suspended this developer account: its keys are disabled and its routes refused
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not Found. Codes:
             *     - `BILLING_DISABLED`: Billing is not enabled on this installation
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    BillingController_invoices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your invoices */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceListDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_A_DEVELOPER`: An admin account that never signed up as a developer: developer routes are not for it
             *     - `ACCOUNT_SUSPENDED`: An admin suspended this developer account: its keys are disabled and its routes refused
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not Found. Codes:
             *     - `BILLING_DISABLED`: Billing is not enabled on this installation
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    BillingWebhookController_receive: {
        parameters: {
            query?: never;
            header: {
                "stripe-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Event verified and recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReceivedDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not Found. Codes:
             *     - `BILLING_DISABLED`: Billing is not enabled on this installation
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            /**
             * @description Service Unavailable. Codes:
             *     - `UNAVAILABLE`: A service Keyport depends on (identity provider, gateway, payment provider) did not answer; retry later
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminBillingController_billingState: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Developer id (their Cognito sub) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The developer's billing state (status `none` while billing is off) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminBillingStatusDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_AN_ADMIN`: The route is for admins (members of the Cognito group `admin`)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not Found. Codes:
             *     - `NOT_FOUND`: It does not exist, or it is not yours
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    AdminQuotaController_set: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Developer id (their Cognito sub) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetQuotaDto"];
            };
        };
        responses: {
            /** @description The developer now has their own quota (their own usage plan) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminDeveloperDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_AN_ADMIN`: The route is for admins (members of the Cognito group `admin`)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not Found. Codes:
             *     - `NOT_FOUND`: It does not exist, or it is not yours
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Conflict. Codes:
             *     - `USAGE_PLAN_LIMIT_REACHED`: Keyport holds the most usage plans it may (MAX_USAGE_PLANS): remove a developer quota first
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    AdminQuotaController_clear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Developer id (their Cognito sub) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Back on the tier’s quota; their own plan is deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminDeveloperDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_AN_ADMIN`: The route is for admins (members of the Cognito group `admin`)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not Found. Codes:
             *     - `NOT_FOUND`: It does not exist, or it is not yours
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    AdminQuotaController_grant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Developer id (their Cognito sub) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantDto"];
            };
        };
        responses: {
            /** @description Requests added to the current quota period */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantResultDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_AN_ADMIN`: The route is for admins (members of the Cognito group `admin`)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not Found. Codes:
             *     - `NOT_FOUND`: It does not exist, or it is not yours
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    AdminTiersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tiers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminTierDto"][];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_AN_ADMIN`: The route is for admins (members of the Cognito group `admin`)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    AdminTiersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tier slug */
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTierDto"];
            };
        };
        responses: {
            /** @description Tier changed; its usage plan follows shortly */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminTierDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_AN_ADMIN`: The route is for admins (members of the Cognito group `admin`)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not Found. Codes:
             *     - `NOT_FOUND`: It does not exist, or it is not yours
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    AdminAuditController_list: {
        parameters: {
            query?: {
                /** @description Id of the actor (a developer or admin id) */
                actor?: string;
                /** @description Id of the target (developer id, key id, tier slug or e-mail) */
                target?: string;
                /** @description Action, e.g. `developer.suspended` */
                action?: string;
                /** @description Entries at or after this time */
                from?: string;
                /** @description Entries before this time */
                to?: string;
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                /** @description Entries per page */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Admin actions and security events, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_AN_ADMIN`: The route is for admins (members of the Cognito group `admin`)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    AdminUsageController_totals: {
        parameters: {
            query?: {
                /** @description First day (UTC); default 29 days before `to` */
                from?: string;
                /** @description Last day, inclusive (UTC); default today. At most 366 days in all */
                to?: string;
                /** @description What to total by */
                groupBy?: "day" | "developer" | "tier" | "key";
                /** @description Only usage recorded under this tier */
                tier?: string;
                /** @description Only this developer’s usage */
                developerId?: string;
                /** @description groupBy=developer|key: `nextCursor` of the previous page */
                cursor?: string;
                /** @description groupBy=developer|key: developers or keys a page covers */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Requests per group over the range */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsageTotalsDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_AN_ADMIN`: The route is for admins (members of the Cognito group `admin`)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    AdminUsageController_top: {
        parameters: {
            query?: {
                /** @description First day (UTC); default 29 days before `to` */
                from?: string;
                /** @description Last day, inclusive (UTC); default today. At most 366 days in all */
                to?: string;
                /** @description How many developers */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The heaviest developers over the range */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TopUsageDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_AN_ADMIN`: The route is for admins (members of the Cognito group `admin`)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    AdminUsageController_utilization: {
        parameters: {
            query?: {
                /** @description Share of the quota (with grants) used this period */
                threshold?: number;
                /** @description Developers to list, highest share first */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Developers at or above the threshold of their quota this period */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaUtilizationDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_AN_ADMIN`: The route is for admins (members of the Cognito group `admin`)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    AdminUsageController_csv: {
        parameters: {
            query?: {
                /** @description First day (UTC); default 29 days before `to` */
                from?: string;
                /** @description Last day, inclusive (UTC); default today. At most 366 days in all */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One row per developer, key and day: day,developer_id,email,key_id,requests */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_AN_ADMIN`: The route is for admins (members of the Cognito group `admin`)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    AdminGatewayController_usageSync: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UsageSyncDto"];
            };
        };
        responses: {
            /** @description Usage read from the gateway now (on the local driver there is nothing to read) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsageSyncResultDto"];
                };
            };
            /**
             * @description Bad Request. Codes:
             *     - `VALIDATION_FAILED`: The input is invalid; `details` names each field and what is wrong with it
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /**
             * @description Forbidden. Codes:
             *     - `NOT_AN_ADMIN`: The route is for admins (members of the Cognito group `admin`)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            /**
             * @description Service Unavailable. Codes:
             *     - `UNAVAILABLE`: A service Keyport depends on (identity provider, gateway, payment provider) did not answer; retry later
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
}
