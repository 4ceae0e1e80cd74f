import type { components } from '../api/keyport-api.gen';

/** The admin API's shapes under the names the console's pages use. */
type Schemas = components['schemas'];
export type AdminDeveloper = Schemas['AdminDeveloperDto'];
export type AdminDeveloperDetail = Schemas['AdminDeveloperDetailDto'];
export type AdminTier = Schemas['AdminTierDto'];
export type AuditEntry = Schemas['AuditEntryDto'];
export type UsageTotals = Schemas['UsageTotalsDto'];
export type DeveloperUsage = Schemas['DeveloperUsageDto'];
export type UtilizationItem = Schemas['UtilizationItemDto'];
export type QuotaPeriod = Schemas['SetQuotaDto']['period'];
