// Widths vary like real titles do, so the placeholder reads as a list, not a block.
const widths = ['72%', '55%', '83%', '64%', '48%', '76%', '60%', '68%'];

/** Rows of grey bars while the first page loads (UI.md: skeletons, not spinners). */
export function ListSkeleton() {
  return (
    <div className="flex-1 space-y-1 px-2 pt-3" aria-busy="true">
      <div className="mx-3 mb-3 h-3 w-14 animate-pulse rounded bg-foreground/8 motion-reduce:animate-none" />
      {widths.map((width, index) => (
        <div key={index} className="flex h-8.5 items-center px-3">
          <div className="h-3.5 animate-pulse rounded bg-foreground/8 motion-reduce:animate-none" style={{ width }} />
        </div>
      ))}
    </div>
  );
}
