/** Starts loading the dashboard's code (page and chart) before it is needed: on pressing "Sign in". */
export function preloadDashboard(): void {
  void import('./DashboardPage');
  void import('./UsageChart');
}
