import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';
import { api, unwrap } from '../api/client';
import { meQuery } from '../account/me.queries';

/** The developer's billing; `null` when this Keyport has billing off (its billing routes answer 404). */
export const billingQuery = queryOptions({
  queryKey: ['billing'],
  queryFn: async () => {
    try {
      return await unwrap(api.GET('/v1/billing'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
});

export const useBilling = () => useQuery(billingQuery);

export const useInvoices = (enabled: boolean) =>
  useQuery({ queryKey: ['billing', 'invoices'], queryFn: async () => (await unwrap(api.GET('/v1/billing/invoices'))).items, enabled });

/**
 * Asks for a tier. The API decides: at once (free, or billing off), at the end of the paid period
 * (`pendingTier`), or 402 with a Stripe Checkout page, where the browser then goes.
 */
export function useChangeTier() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (tier: string) => {
      try {
        return await unwrap(api.PUT('/v1/me/tier', { body: { tier } }));
      } catch (error) {
        const checkoutUrl = error instanceof ApiError && error.status === 402 ? error.extra('checkoutUrl') : undefined;
        if (checkoutUrl) {
          window.location.assign(checkoutUrl);
          return null;
        }
        throw error;
      }
    },
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: meQuery.queryKey }), client.invalidateQueries({ queryKey: billingQuery.queryKey })]),
  });
}

/** "Manage billing": the Stripe Customer Portal, on a page the API creates. */
export async function openBillingPortal(): Promise<void> {
  const { url } = await unwrap(api.POST('/v1/billing/portal'));
  window.location.assign(url);
}
