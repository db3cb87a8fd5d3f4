import { useCallback, useState } from 'react';

const prefix = 'switchboard.draft.';

// sessionStorage may be missing (server rendering) or refuse a write (full, private mode): a draft
// is a convenience, so those cases just keep no draft.
function readDraft(key: string): string {
  try {
    return sessionStorage.getItem(prefix + key) ?? '';
  } catch {
    return '';
  }
}

function writeDraft(key: string, text: string): void {
  try {
    if (text) sessionStorage.setItem(prefix + key, text);
    else sessionStorage.removeItem(prefix + key);
  } catch {
    // see readDraft
  }
}

/**
 * The text being written in one conversation, kept in sessionStorage so it survives a reload or
 * a visit to another conversation in this tab. A new `draftKey` brings that conversation's draft.
 */
export function useDraft(draftKey: string): [string, (text: string) => void] {
  const [draft, setDraft] = useState(() => ({ key: draftKey, text: readDraft(draftKey) }));
  let current = draft;
  if (draft.key !== draftKey) {
    // Adjusting state to a new prop during render, as React recommends, rather than in an effect
    // that would first show the other conversation's text.
    current = { key: draftKey, text: readDraft(draftKey) };
    setDraft(current);
  }
  const setText = useCallback(
    (text: string) => {
      setDraft({ key: draftKey, text });
      writeDraft(draftKey, text);
    },
    [draftKey],
  );
  return [current.text, setText];
}
