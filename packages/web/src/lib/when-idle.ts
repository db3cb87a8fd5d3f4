/**
 * Runs `task` once the page has a moment to spare (within `timeoutMs` at the latest): for work
 * that must happen soon but not in the frame that is being drawn now.
 */
export function whenIdle(task: () => void, timeoutMs = 500): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout: timeoutMs });
  else setTimeout(task, 50);
}
