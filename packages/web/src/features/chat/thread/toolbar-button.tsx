import type { ComponentProps } from 'react';
import { Button } from '@/components/ui/button';

/** A small icon button of a message's toolbar, named by its label (read aloud and shown on hover). */
export function ToolbarButton({ label, ...props }: Omit<ComponentProps<typeof Button>, 'aria-label' | 'title'> & { label: string }) {
  return <Button variant="ghost" size="icon-sm" className="size-7" aria-label={label} title={label} {...props} />;
}
