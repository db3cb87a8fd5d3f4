import * as Collapsible from '@radix-ui/react-collapsible';
import { ChevronDown, Lightbulb } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cn } from '@/lib/cn';
import { Markdown } from './markdown';

export interface ReasoningBlockProps {
  /** The model's reasoning, as far as it has streamed. */
  text: string;
  /** True while the reasoning is still arriving: the block is open and its title says "Thinking…". */
  streaming?: boolean;
  /** How long the model thought, shown once done ("Thought for 12 s"). */
  durationMs?: number;
}

/**
 * A model's reasoning above its answer: open while it streams, so the wait has something to read,
 * and folded away once done (the answer is what matters then), one click from being read again.
 */
export function ReasoningBlock({ text, streaming = false, durationMs }: ReasoningBlockProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(streaming);
  // Starting or finishing opens or folds the block; in between, the reader's own choice holds.
  const [wasStreaming, setWasStreaming] = useState(streaming);
  if (streaming !== wasStreaming) {
    setWasStreaming(streaming);
    setOpen(streaming);
  }
  const title = streaming
    ? t('markdown.reasoning.thinking')
    : durationMs !== undefined
      ? t('markdown.reasoning.thoughtFor', { count: Math.max(1, Math.round(durationMs / 1000)) })
      : t('markdown.reasoning.thought');
  return (
    <Collapsible.Root open={open} onOpenChange={setOpen} className="my-3">
      <Collapsible.Trigger className="group inline-flex min-h-8 items-center gap-1.5 rounded-md py-1 pr-2 text-sm text-muted-foreground transition-colors duration-150 hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring focus-visible:outline-none">
        <Lightbulb className={cn('size-4', streaming && 'text-primary motion-safe:animate-pulse')} aria-hidden />
        <span className={cn(streaming && 'markdown-shimmer')}>{title}</span>
        <ChevronDown className="size-4 transition-transform duration-200 ease-out group-data-[state=open]:rotate-180" aria-hidden />
      </Collapsible.Trigger>
      <Collapsible.Content>
        <div className="mt-1.5 ml-2 border-l-2 pl-4 text-muted-foreground">
          <Markdown text={text} streaming={streaming} className="text-[0.9375rem]" />
        </div>
      </Collapsible.Content>
    </Collapsible.Root>
  );
}
