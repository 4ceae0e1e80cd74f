import { Group, NavLink } from '@mantine/core';
import { NavLink as RouterNavLink, Outlet } from 'react-router';

export const ADMIN_SECTIONS = [
  { to: '/admin/developers', label: 'Developers', description: 'Search, open and act on a developer: suspend, tier, quota.' },
  { to: '/admin/tiers', label: 'Tiers', description: 'Rate, burst, quota and price of each tier.' },
  { to: '/admin/reports', label: 'Reports', description: 'Requests over time, top developers, quota utilisation, CSV.' },
  { to: '/admin/audit-log', label: 'Audit log', description: 'Every admin action and security event, before and after.' },
  { to: '/admin/gateway', label: 'Gateway', description: 'Driver, sync backlog, usage ingestion and reconciliation.' },
  { to: '/admin/security', label: 'Security', description: 'The gateway checked against the five layers of API security.' },
  { to: '/admin/service-accounts', label: 'Service accounts', description: 'Client credentials for systems that call the admin routes.' },
];

/** The console's frame: its own row of section links above the page. */
export function AdminLayout() {
  return (
    <>
      <Group component="nav" aria-label="Admin" gap={4} mb="lg" wrap="wrap">
        {ADMIN_SECTIONS.map((section) => (
          <NavLink key={section.to} component={RouterNavLink} to={section.to} label={section.label} w="auto" style={{ borderRadius: 'var(--mantine-radius-sm)' }} />
        ))}
      </Group>
      <Outlet />
    </>
  );
}
