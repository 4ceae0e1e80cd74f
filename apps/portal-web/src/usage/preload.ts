import type { QueryClient } from '@tanstack/react-query';

/** Starts loading the dashboard's code on pressing "Sign in", while Cognito checks the password. */
export function preloadDashboard(): void {
  void import('./DashboardPage');
}

/**
 * Once signed in, asks for the dashboard's data while its page is still being put up. Loaded with
 * the dashboard's code (preloaded above), so the sign-in page does not carry the queries.
 */
export function prefetchDashboardData(client: QueryClient): void {
  void import('./dashboard-data').then(({ prefetchDashboard }) => prefetchDashboard(client));
}
