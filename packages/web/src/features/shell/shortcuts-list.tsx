import { useTranslation } from 'react-i18next';
import { comboKeys } from './keys';
import { shortcuts, type ShortcutId } from './shortcuts';

const labels = {
  newChat: 'shell.shortcuts.items.newChat',
  focusInput: 'shell.shortcuts.items.focusInput',
  stopGenerating: 'shell.shortcuts.items.stopGenerating',
  searchConversations: 'shell.shortcuts.items.searchConversations',
  toggleSidebar: 'shell.shortcuts.items.toggleSidebar',
  shortcuts: 'shell.shortcuts.items.shortcuts',
  copyLastAnswer: 'shell.shortcuts.items.copyLastAnswer',
} as const satisfies Record<ShortcutId, string>;

/** Each shortcut's name and its keys as this platform writes them (⌘ ⇧ on Apple, Ctrl Shift elsewhere). */
export function ShortcutsList({ apple }: { apple: boolean }) {
  const { t } = useTranslation();
  return (
    <dl className="divide-y">
      {(Object.keys(shortcuts) as ShortcutId[]).map((id) => (
        <div key={id} className="flex items-center justify-between gap-4 py-2.5">
          <dt className="text-sm">{t(labels[id])}</dt>
          <dd className="flex shrink-0 gap-1">
            {comboKeys(shortcuts[id], apple).map((key) => (
              <kbd
                key={key}
                className="inline-flex h-6 min-w-6 items-center justify-center rounded-md border bg-muted px-1.5 font-mono text-xs text-muted-foreground shadow-[inset_0_-1px_0_var(--border)]"
              >
                {key}
              </kbd>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}
