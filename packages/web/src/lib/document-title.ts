import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The tab's title: the page's own name, then the site's (follows a language switch). */
export function useDocumentTitle(page: string): void {
  const { t } = useTranslation();
  const site = t('app.name');
  useEffect(() => {
    document.title = `${page} · ${site}`;
  }, [page, site]);
}
