import { Ellipsis, LogOut, Trash2 } from 'lucide-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PreferencesMenu } from '@/components/preferences-menu';
import { Button } from '@/components/ui/button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuSeparator, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { WithTooltip } from '@/components/ui/tooltip';
import { useSession, useSignOut } from '@/features/auth/session';
import { useBalance } from '@/lib/api/use-balance';
import { DeleteAllDialog } from './delete-dialogs';
import { MenuItem } from './menu-item';

/** Who is signed in and what they have, language and theme, and the rare actions: delete all, sign out. */
export function SidebarFooter({ onDeleteAll }: { onDeleteAll: () => void }) {
  const { t, i18n } = useTranslation();
  const user = useSession().data;
  const signOut = useSignOut();
  const balance = useBalance();
  const [confirming, setConfirming] = useState(false);
  const focusMovesOn = useRef(false);

  const name = user?.username ?? '';
  const points = balance.data ? new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(balance.data.points) : '';
  return (
    <div className="flex items-center gap-2 px-3 pt-2 pb-3">
      <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-primary/15 text-sm font-semibold text-primary uppercase" aria-hidden>
        {name.slice(0, 1)}
      </span>
      <div className="min-w-0 flex-1 leading-tight">
        <p className="truncate text-sm font-medium">{name}</p>
        <p className="truncate text-xs text-muted-foreground" aria-live="polite">
          <span className="sr-only">{t('sidebar.account.balance')} </span>
          {balance.data && t('sidebar.account.points', { count: balance.data.points, points })}
          {/* Loading: a placeholder bar; failed: nothing (the balance is shown again where it matters, on sending). */}
          {balance.isPending && <span className="inline-block h-3 w-12 animate-pulse rounded bg-foreground/8 align-middle motion-reduce:animate-none" />}
        </p>
      </div>
      <PreferencesMenu />
      {/* Not modal: a modal menu hides the rest of the page from screen readers while it stays focusable (axe aria-hidden-focus). */}
      <DropdownMenu modal={false}>
        <WithTooltip label={t('sidebar.account.menu')}>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="icon" aria-label={t('sidebar.account.menu')} className="text-muted-foreground">
              <Ellipsis />
            </Button>
          </DropdownMenuTrigger>
        </WithTooltip>
        <DropdownMenuContent
          align="end"
          side="top"
          className="w-52"
          onCloseAutoFocus={(event) => {
            if (focusMovesOn.current) event.preventDefault();
            focusMovesOn.current = false;
          }}
        >
          <MenuItem
            destructive
            onSelect={() => {
              focusMovesOn.current = true;
              setConfirming(true);
            }}
          >
            <Trash2 />
            {t('sidebar.account.deleteAll')}
          </MenuItem>
          <DropdownMenuSeparator />
          <MenuItem disabled={signOut.isPending} onSelect={() => signOut.mutate()}>
            <LogOut />
            {t('sidebar.account.signOut')}
          </MenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <DeleteAllDialog
        open={confirming}
        onOpenChange={setConfirming}
        onConfirm={() => {
          setConfirming(false);
          onDeleteAll();
        }}
      />
    </div>
  );
}
