import type { components } from './keyport-api.gen';

/** The API's shapes under the names the pages use; all generated from Keyport's OpenAPI document. */
type Schemas = components['schemas'];
export type ErrorBody = Schemas['ErrorBodyDto'];
export type Me = Schemas['MeDto'];
/** A tier on offer, with `paid` and its Stripe price. */
export type Tier = Schemas['OfferedTierDto'];
export type ApiKey = Schemas['KeyDto'];
export type IssuedKey = Schemas['IssuedKeyDto'];
export type Usage = Schemas['UsageDto'];
export type QuotaStatus = Schemas['QuotaStatusDto'];
export type Tokens = Schemas['TokensResponseDto'];
export type NewPasswordChallenge = Schemas['NewPasswordChallengeDto'];
export type Invitation = Schemas['InvitationDto'];
export type BillingStatus = Schemas['BillingStatusDto'];
export type Invoice = Schemas['InvoiceDto'];
export type Application = Schemas['ApplicationDto'];
export type IssuedApplication = Schemas['IssuedApplicationDto'];
export type ApiSummary = Schemas['ApiSummaryDto'];
export type ApiDocument = Schemas['ApiDocumentDto'];
