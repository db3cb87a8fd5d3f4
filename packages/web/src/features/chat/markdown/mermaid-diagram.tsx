import { LoaderCircle, TriangleAlert } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeBlock } from './code-block';
import { CodeHeader } from './code-header';
import { renderMermaid } from './mermaid';
import { useDark } from './use-dark';

const language = 'mermaid';

type Drawn = { svg: string } | { failed: true };

/** A closed ```mermaid fence, drawn in the page's theme; invalid source shows an error card with the source. */
export function MermaidDiagram({ source }: { source: string }) {
  const { t } = useTranslation();
  const dark = useDark();
  const [drawn, setDrawn] = useState<Drawn | null>(null);

  useEffect(() => {
    let live = true;
    renderMermaid(source, dark).then(
      (svg) => live && setDrawn({ svg }),
      () => live && setDrawn({ failed: true }),
    );
    return () => {
      live = false;
    };
  }, [source, dark]);

  if (drawn && 'failed' in drawn) {
    return (
      <div className="my-4 rounded-lg border border-destructive/40 bg-destructive/5 p-3">
        <p className="mb-2 flex items-center gap-2 text-sm font-medium text-destructive">
          <TriangleAlert className="size-4 shrink-0" aria-hidden />
          {t('markdown.diagram.error')}
        </p>
        <CodeBlock code={source} language={language} />
      </div>
    );
  }
  return (
    <div className="my-4 overflow-hidden rounded-lg border bg-card">
      <CodeHeader label={language} code={source} />
      {drawn ? (
        // The SVG comes from mermaid with securityLevel 'strict' (its labels sanitized by DOMPurify).
        // A theme change keeps the previous drawing until the new one is ready.
        <div
          tabIndex={0}
          className="flex justify-center overflow-x-auto p-4 outline-none focus-visible:ring-[3px] focus-visible:ring-ring focus-visible:ring-inset [&_svg]:h-auto [&_svg]:max-w-full"
          dangerouslySetInnerHTML={{ __html: drawn.svg }}
        />
      ) : (
        <div className="m-4 flex h-32 items-center justify-center gap-2 rounded-md border border-dashed text-sm text-muted-foreground" aria-busy>
          <LoaderCircle className="size-4 motion-safe:animate-spin" aria-hidden />
          {t('markdown.diagram.loading')}
        </div>
      )}
    </div>
  );
}
