import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * One theme for light and dark; the system setting picks (see App). Colours are chosen for WCAG AA
 * contrast (4.5:1 for text): Mantine's defaults (blue 6, dimmed gray 6, red 6 errors, yellow or
 * green text on tinted backgrounds) fall short on white, so text keeps the text colour and the
 * colour goes to backgrounds, borders and dots.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  respectReducedMotion: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  // Plain objects, not Alert.extend(...): importing a component here would put it (Modal and all it
  // needs) in the first page's bundle.
  components: {
    Alert: { vars: () => ({ root: { '--alert-color': 'var(--mantine-color-text)' } }) },
    Badge: { defaultProps: { variant: 'dot' } },
    // The current page's link is marked by its tinted background (and aria-current), its text stays readable.
    NavLink: { vars: () => ({ root: { '--nl-color': 'var(--mantine-color-text)' } }) },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (current) => ({
  variables: {},
  light: { '--mantine-color-dimmed': current.colors.gray[7], '--mantine-color-error': current.colors.red[9] },
  dark: { '--mantine-color-dimmed': current.colors.dark[1], '--mantine-color-error': current.colors.red[5] },
});
