import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { useErrorText } from '@/lib/api/error-text';
import { cn } from '@/lib/cn';
import { HighlightedText } from './highlighted-text';
import { ListSkeleton } from './list-skeleton';
import { useSearch } from './use-search';

interface SearchResultsProps {
  typed: string;
  activeId: string | null;
  onSelect: (id: string) => void;
}

/** What the search found: each hit's title and the text around the match, the match marked. */
export function SearchResults({ typed, activeId, onSelect }: SearchResultsProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { q, search, settling } = useSearch(typed);

  if (search.isError) {
    return (
      <div role="alert" className="flex flex-col items-center gap-3 px-6 py-10 text-center text-sm text-muted-foreground">
        <p>{t('sidebar.search.error', { reason: errorText(search.error) })}</p>
        <Button variant="outline" size="sm" onClick={() => void search.refetch()}>
          {t('sidebar.retry')}
        </Button>
      </div>
    );
  }
  if (!search.data) return <ListSkeleton />;
  const hits = search.data.data;
  return (
    <section aria-label={t('sidebar.search.results')} aria-busy={settling || search.isFetching} className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-2 pb-2">
      {hits.length === 0 ? (
        <p role="status" className="px-4 py-10 text-center text-sm text-muted-foreground">
          {t('sidebar.search.empty')}
        </p>
      ) : (
        <ul className={cn('space-y-0.5 transition-opacity duration-150', settling && 'opacity-60')}>
          {hits.map((hit) => (
            <li key={`${hit.conversation_id}:${hit.message_id ?? ''}`}>
              <button
                type="button"
                onClick={() => onSelect(hit.conversation_id)}
                aria-current={hit.conversation_id === activeId ? 'page' : undefined}
                className={cn(
                  'w-full rounded-lg px-3 py-2 text-left outline-none transition-colors duration-150 hover:bg-foreground/5 focus-visible:ring-2 focus-visible:ring-ring',
                  hit.conversation_id === activeId && 'bg-foreground/8',
                )}
              >
                <span className="block truncate text-sm font-medium">
                  <HighlightedText text={hit.title || t('sidebar.untitled')} query={q} />
                </span>
                {hit.message_id !== null && hit.snippet && (
                  <span className="mt-0.5 line-clamp-2 text-xs leading-relaxed text-muted-foreground">
                    <HighlightedText text={hit.snippet} query={q} />
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
