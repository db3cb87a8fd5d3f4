import { useCallback, useEffect, useRef } from 'react';
import type { ChatSettingsPatch } from './market-types';

/**
 * Collects settings changes and sends them as one patch after `delay` ms of quiet, so typing or
 * dragging a slider is one request, not one per keystroke. `flush` sends at once (a picked model,
 * a reset); whatever is pending is sent when the panel closes.
 */
export function useDebouncedPatch(onChange: (patch: ChatSettingsPatch) => void, delay = 400) {
  const pending = useRef<ChatSettingsPatch>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const send = useRef(onChange);
  useEffect(() => {
    send.current = onChange;
  }, [onChange]);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const patch = pending.current;
    pending.current = {};
    if (Object.keys(patch).length) send.current(patch);
  }, []);

  const push = useCallback(
    (patch: ChatSettingsPatch, immediate = false) => {
      pending.current = { ...pending.current, ...patch };
      clearTimeout(timer.current);
      if (immediate) flush();
      else timer.current = setTimeout(flush, delay);
    },
    [delay, flush],
  );

  useEffect(() => flush, [flush]);
  return push;
}
