import type { ExtraProps } from 'hast-util-to-jsx-runtime';
import { useContext, type ComponentProps, type ComponentType, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeBlock } from './code-block';
import { BlockContext, VirtualMessageContext } from './context';
import { isFenceClosed } from './fences';
import { MermaidDiagram } from './mermaid-diagram';
import { ProgressBar } from './progress-bar';
import { progressValue } from './progress';
import { virtualCommand } from './virtual-link';

/** Elements drawn by a component of ours instead of as the bare tag; each gets its hast node as `node`. */
type Components = { [Tag in keyof JSX.IntrinsicElements]?: ComponentType<JSX.IntrinsicElements[Tag] & ExtraProps> };

/** How the markdown's elements are drawn in chat; the prose itself is styled by `.markdown` in index.css. */
export const components: Components = { a: Link, img: Image, pre: Pre, code: InlineCode, table: Table, input: TaskCheckbox };

type HastElement = NonNullable<ExtraProps['node']>;
type HastChild = HastElement['children'][number];

const textOf = (node: HastChild | HastElement): string =>
  node.type === 'text' ? node.value : 'children' in node ? node.children.map((child) => textOf(child as HastChild)).join('') : '';

function classesOf(node: HastElement | undefined): string[] {
  const className = node?.properties.className;
  return Array.isArray(className) ? className.map(String) : [];
}

function Link({ node: _node, href, children, ...props }: ComponentProps<'a'> & ExtraProps) {
  const { t } = useTranslation();
  const onVirtualMessage = useContext(VirtualMessageContext);
  const command = virtualCommand(href);
  if (command !== null) {
    return (
      <button
        type="button"
        title={t('markdown.virtual', { command })}
        onClick={() => onVirtualMessage?.current?.(command)}
        className="mr-1.5 mb-1.5 inline-flex h-8 min-w-10 items-center justify-center rounded-full border bg-background px-3 text-sm font-medium transition-colors duration-150 hover:border-primary hover:text-primary focus-visible:ring-[3px] focus-visible:ring-ring focus-visible:outline-none"
      >
        {children}
      </button>
    );
  }
  // A neutralized URL (javascript:, data:…) arrives empty: the text stays, the link goes.
  if (!href) return <span>{children}</span>;
  const external = !href.startsWith('#');
  return (
    <a
      {...props}
      href={href}
      {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
      className="font-medium text-primary underline decoration-primary/40 underline-offset-4 transition-colors hover:decoration-primary"
    >
      {children}
    </a>
  );
}

function Image({ node: _node, src, alt, title }: ComponentProps<'img'> & ExtraProps) {
  const { t } = useTranslation();
  if (typeof src !== 'string' || src === '') return alt ? <span className="text-muted-foreground">{alt}</span> : null;
  const image = <img src={src} alt={alt ?? ''} title={title} loading="lazy" decoding="async" className="inline-block h-auto max-w-full rounded-lg" />;
  // Browsers refuse to open data: URLs in a tab, so an inline image is only shown.
  if (src.startsWith('data:')) return image;
  return (
    <a
      href={src}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={alt || t('markdown.openImage')}
      title={t('markdown.openImage')}
      className="my-2 inline-block cursor-zoom-in rounded-lg focus-visible:ring-[3px] focus-visible:ring-ring focus-visible:outline-none"
    >
      {image}
    </a>
  );
}

/** Every block-level `<pre>`: a code block, or what its fence's language makes of it. */
function Pre({ node }: ComponentProps<'pre'> & ExtraProps) {
  const { source, streaming } = useContext(BlockContext);
  const code = node?.children.find((child): child is HastElement => child.type === 'element' && child.tagName === 'code');
  const classes = classesOf(code);
  const text = code ? textOf(code).replace(/\n$/, '') : '';
  // Display math before KaTeX has loaded: its source, quietly.
  if (classes.includes('math-display')) return <div className="my-4 overflow-x-auto font-mono text-sm whitespace-pre text-muted-foreground">{text}</div>;

  const language = classes.find((name) => name.startsWith('language-'))?.slice('language-'.length) ?? '';
  const start = node?.position?.start.offset;
  const end = node?.position?.end.offset;
  const open = streaming && start !== undefined && !isFenceClosed(source.slice(start, end));
  if (language === 'progress') {
    const value = progressValue(text);
    if (value !== null) return <ProgressBar value={value} />;
  }
  if (language === 'mermaid' && !open) return <MermaidDiagram source={text} />;
  return <CodeBlock code={text} language={language} open={open} />;
}

function InlineCode({ node: _node, className, children }: ComponentProps<'code'> & ExtraProps) {
  // Inline math before KaTeX has loaded.
  if (className?.includes('math-inline')) return <span className="font-mono text-[0.9em] text-muted-foreground">{children}</span>;
  return <code className="rounded-md bg-muted px-[0.4em] py-[0.15em] font-mono text-[0.875em] break-words">{children}</code>;
}

function Table({ node: _node, ...props }: ComponentProps<'table'> & ExtraProps) {
  return (
    // Wide tables scroll in their own box (phones), which keyboard users reach by Tab.
    <div tabIndex={0} className="markdown-table my-4 overflow-x-auto rounded-lg border focus-visible:ring-[3px] focus-visible:ring-ring focus-visible:outline-none">
      <table {...props} />
    </div>
  );
}

function TaskCheckbox({ node: _node, checked, ...props }: ComponentProps<'input'> & ExtraProps) {
  const { t } = useTranslation();
  return (
    <input
      {...props}
      checked={checked}
      aria-label={checked ? t('markdown.task.done') : t('markdown.task.open')}
      className="mr-2 size-4 translate-y-0.5 accent-primary"
    />
  );
}
