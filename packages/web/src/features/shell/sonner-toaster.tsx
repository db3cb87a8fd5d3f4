import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Toaster as Sonner } from 'sonner';
import { useTheme } from '@/lib/theme';
import { useIsPhone } from '@/lib/use-is-phone';

// Sonner's own surface colours replaced by the app's tokens, so toasts match the popovers in both themes.
const tokens = {
  '--normal-bg': 'var(--popover)',
  '--normal-text': 'var(--popover-foreground)',
  '--normal-border': 'var(--border)',
  '--border-radius': 'var(--radius)',
} as CSSProperties;

/** Where toasts appear: bottom-right on a desktop, bottom-centre within thumb reach on a phone; one per app. */
export function SonnerToaster() {
  const { t } = useTranslation();
  const theme = useTheme();
  const phone = useIsPhone();
  return (
    <Sonner
      theme={theme}
      position={phone ? 'bottom-center' : 'bottom-right'}
      richColors={false}
      closeButton
      containerAriaLabel={t('shell.toasts.region')}
      toastOptions={{ closeButtonAriaLabel: t('shell.toasts.close'), className: 'font-sans' }}
      style={tokens}
    />
  );
}

