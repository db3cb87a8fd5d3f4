/** Apple keyboards name the modifier ⌘; the server render (no navigator) assumes the others. */
export function isApple(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent);
}
