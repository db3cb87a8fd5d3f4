import { ImageOff, X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** One thumbnail; a link that does not load (offline, blocked, mistyped) shows a placeholder, not a broken image. */
function Thumbnail({ url, alt }: { url: string; alt: string }) {
  const [broken, setBroken] = useState(false);
  if (broken) {
    return (
      <span role="img" aria-label={alt} title={url} className="flex size-16 items-center justify-center rounded-lg border bg-muted text-muted-foreground">
        <ImageOff className="size-5" aria-hidden />
      </span>
    );
  }
  return <img src={url} alt={alt} onError={() => setBroken(true)} className="size-16 rounded-lg border bg-muted object-cover" />;
}

/** The attached images as thumbnails, each with its remove button always visible (touch has no hover). */
export function ImageChips({ images, reading, onRemove }: { images: readonly string[]; reading: boolean; onRemove(url: string): void }) {
  const { t } = useTranslation();
  if (!images.length && !reading) return null;
  return (
    <ul className="flex gap-2 overflow-x-auto px-3 pt-3 pb-1" aria-label={t('composer.images')}>
      {images.map((url, index) => (
        <li key={url} className="relative shrink-0">
          <Thumbnail url={url} alt={t('composer.imageAlt', { index: index + 1 })} />
          <button
            type="button"
            aria-label={t('composer.removeImage')}
            onClick={() => onRemove(url)}
            className="absolute -top-1.5 -right-1.5 flex size-6 items-center justify-center rounded-full border bg-background text-foreground shadow-sm outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring after:absolute after:-inset-2 after:content-['']"
          >
            <X className="size-3.5" aria-hidden />
          </button>
        </li>
      ))}
      {/* Files being shrunk and read: a skeleton where their thumbnail will be. */}
      {reading && <li className="size-16 shrink-0 animate-pulse rounded-lg bg-muted" aria-hidden />}
    </ul>
  );
}
