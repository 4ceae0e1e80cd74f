import { AppShell, Burger, Button, Group, NavLink } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink as RouterNavLink, Outlet } from 'react-router';
import { session } from '../auth/session';
import { useIsAdmin } from '../auth/use-session';
import { Logo } from './Logo';

const LINKS = [
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/keys', label: 'Keys' },
  { to: '/applications', label: 'Applications' },
  { to: '/apis', label: 'APIs' },
  { to: '/plan', label: 'Plan' },
  { to: '/account', label: 'Account' },
];

/** The signed-in frame: a header, the navigation (a drawer on narrow screens) and the page. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const links = useIsAdmin() ? [...LINKS, { to: '/admin', label: 'Admin' }] : LINKS;
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={{ base: 'md', sm: 'xl' }}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" aria-controls="main-navigation" />
            <Logo />
          </Group>
          <Button variant="default" size="xs" onClick={() => void session.signOut()}>
            Sign out
          </Button>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="main-navigation" aria-label="Main">
        {links.map((link) => (
          <NavLink key={link.to} component={RouterNavLink} to={link.to} label={link.label} onClick={close} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
