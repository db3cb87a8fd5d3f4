import { useId, type ComponentProps } from 'react';
import { Button } from '@/components/ui/button';
import { WithTooltip } from '@/components/ui/tooltip';
import { cn } from '@/lib/cn';

type Props = ComponentProps<'button'> & {
  /** The action's name: the aria-label and, unless disabled, the tooltip. */
  label: string;
  /** Why the action is unavailable: shown as the tooltip and read after the name. */
  unavailable?: string | undefined;
};

/**
 * A small round icon button of the composer's bottom row, 40 px on phones (a thumb) and 32 px
 * with a mouse. Unavailable, it stays focusable and hoverable (aria-disabled, not disabled), so
 * its tooltip can still say why.
 */
export function IconButton({ label, unavailable, className, onClick, ...props }: Props) {
  const reasonId = useId();
  return (
    <WithTooltip label={unavailable ?? label}>
      <Button
        type="button"
        variant="ghost"
        size="icon-sm"
        aria-label={label}
        aria-disabled={unavailable ? true : undefined}
        aria-describedby={unavailable ? reasonId : undefined}
        className={cn('size-10 rounded-full text-muted-foreground md:size-8', unavailable && 'cursor-not-allowed opacity-50 hover:bg-transparent', className)}
        onClick={unavailable ? undefined : onClick}
        {...props}
      >
        {props.children}
        {unavailable && (
          <span id={reasonId} className="sr-only">
            {unavailable}
          </span>
        )}
      </Button>
    </WithTooltip>
  );
}
