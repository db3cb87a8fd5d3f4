import { useQuery } from '@tanstack/react-query';
import { LogOut } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { PreferencesMenu } from '@/components/preferences-menu';
import { Button } from '@/components/ui/button';
import { useSession, useSignOut } from '@/features/auth/session';
import { api, unwrap } from '@/lib/api/client';
import { useErrorText } from '@/lib/api/error-text';
import { useDocumentTitle } from '@/lib/document-title';

/** The signed-in home: who you are, what you have, and the way out. The chat itself grows here. */
export function ChatHomePage() {
  const { t, i18n } = useTranslation();
  const user = useSession().data;
  const signOut = useSignOut();
  const errorText = useErrorText();
  const balance = useQuery({ queryKey: ['balance'], queryFn: () => unwrap(api.GET('/api/billing/balance')) });

  useDocumentTitle(t('chat.title'));

  const name = user?.username ?? '';
  const points = balance.data ? new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(balance.data.points) : '';
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center gap-3 border-b px-4 py-2">
        <h1 className="text-base font-semibold">{t('chat.title')}</h1>
        <div className="ml-auto flex min-w-0 items-center gap-3 text-sm">
          {/* Phones show the bare name (the sentence stays for screen readers), so a small header still says who is signed in. */}
          <span className="min-w-0 max-w-32 truncate text-muted-foreground sm:max-w-none">
            <span className="sr-only sm:not-sr-only">{t('chat.signedInAs', { name })}</span>
            <span className="sm:hidden" aria-hidden>
              {name}
            </span>
          </span>
          <span className="rounded-full bg-muted px-3 py-1" aria-live="polite">
            <span className="sr-only">{t('chat.balance')} </span>
            {balance.isPending && <span className="inline-block h-4 w-16 animate-pulse rounded bg-background/60 align-middle" />}
            {balance.data && t('chat.points', { count: balance.data.points, points })}
            {balance.isError && <span className="text-destructive">{errorText(balance.error)}</span>}
          </span>
          <PreferencesMenu />
          <Button variant="ghost" size="sm" title={t('chat.signOut')} disabled={signOut.isPending} onClick={() => signOut.mutate()}>
            <LogOut aria-hidden />
            <span className="sr-only sm:not-sr-only">{t('chat.signOut')}</span>
          </Button>
        </div>
      </header>
      {signOut.isError && (
        <p role="alert" className="px-4 py-2 text-sm text-destructive">
          {errorText(signOut.error)}
        </p>
      )}
      <main className="mx-auto w-full max-w-3xl flex-1 px-4" />
    </div>
  );
}
