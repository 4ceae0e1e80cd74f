import type { RouteObject } from 'react-router';
import { AdminLayout } from './AdminLayout';

/** The console's pages under /admin, each its own chunk; RequireAdmin guards them all. */
export const adminRoutes: RouteObject[] = [
  {
    element: <AdminLayout />,
    children: [
      { index: true, lazy: () => import('./AdminHomePage') },
      { path: 'developers', lazy: () => import('./DevelopersPage') },
      { path: 'developers/:id', lazy: () => import('./DeveloperPage') },
      { path: 'tiers', lazy: () => import('./TiersPage') },
      { path: 'reports', lazy: () => import('./ReportsPage') },
      { path: 'audit-log', lazy: () => import('./AuditLogPage') },
      { path: 'gateway', lazy: () => import('./GatewayPage') },
      { path: 'security', lazy: () => import('./SecurityPage') },
      { path: 'service-accounts', lazy: () => import('./ServiceAccountsPage') },
    ],
  },
];
