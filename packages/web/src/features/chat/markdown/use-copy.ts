import { useEffect, useRef, useState } from 'react';

/** Copies text to the clipboard; `copied` stays true for two seconds after, for the ✓ feedback. */
export function useCopy(): { copied: boolean; copy: (text: string) => void } {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = (text: string) => {
    // No clipboard outside a secure context (plain http), or permission refused: nothing to confirm.
    navigator.clipboard?.writeText(text).then(
      () => {
        clearTimeout(timer.current);
        setCopied(true);
        timer.current = setTimeout(() => setCopied(false), 2000);
      },
      () => undefined,
    );
  };
  return { copied, copy };
}
