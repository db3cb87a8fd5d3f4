import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shrinkImage } from './shrink-image';
import { appendFitting, checkImageUrl, MAX_IMAGES, planImages, type ImageRefusal } from './images';

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/**
 * The images attached to the message being written, and the last refusal to show (a file that is
 * not an image, an SVG, over the size or count budget). A new `draftKey` (another conversation)
 * starts with none.
 */
export function useAttachments(draftKey: string) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ key: string; images: string[] }>({ key: draftKey, images: [] });
  const [notice, setNotice] = useState<string | null>(null);
  const [reading, setReading] = useState(0);
  let images = state.images;
  if (state.key !== draftKey) {
    images = [];
    setState({ key: draftKey, images });
    setNotice(null);
  }

  const refusalText = useCallback(
    (reason: ImageRefusal, name: string) => {
      switch (reason) {
        case 'svg':
          return t('composer.refused.svg', { name });
        case 'notImage':
          return t('composer.refused.notImage', { name });
        case 'tooLarge':
          return t('composer.refused.tooLarge', { name });
        case 'tooMany':
          return t('composer.refused.tooMany', { count: MAX_IMAGES });
      }
    },
    [t],
  );

  const addFiles = useCallback(
    async (files: readonly File[]) => {
      setReading((n) => n + 1);
      try {
        // Big photos are shrunk first, so the size budget is checked on what will really be sent.
        // One at a time: a dozen decoded 12-megapixel photos at once would take gigabytes.
        const prepared: Array<{ name: string; blob: Blob }> = [];
        for (const file of files) prepared.push({ name: file.name, blob: await shrinkImage(file) });
        const { accepted, refused } = planImages(
          prepared.map(({ name, blob }) => ({ name, type: blob.type, size: blob.size, blob })),
          state.images,
        );
        setNotice(refused.length ? refusalText(refused[0]!.reason, refused[0]!.file.name) : null);
        const urls = await Promise.all(accepted.map(({ blob }) => readAsDataUrl(blob)));
        setState((s) => (s.key === draftKey ? { key: s.key, images: appendFitting(s.images, urls) } : s));
      } catch {
        setNotice(t('composer.refused.unreadable'));
      } finally {
        setReading((n) => n - 1);
      }
    },
    [state.images, draftKey, refusalText, t],
  );

  /** Adds an image by link; returns the refusal text, if any, for the link field to show. */
  const addUrl = useCallback(
    (input: string): string | null => {
      const reason = checkImageUrl(input, state.images);
      if (reason === 'invalidUrl') return t('composer.url.invalid');
      if (reason === 'svg') return t('composer.refused.svgUrl');
      if (reason === 'tooMany') return t('composer.refused.tooMany', { count: MAX_IMAGES });
      setState((s) => ({ key: s.key, images: appendFitting(s.images, [input.trim()]) }));
      setNotice(null);
      return null;
    },
    [state.images, t],
  );

  const remove = useCallback((url: string) => setState((s) => ({ key: s.key, images: s.images.filter((image) => image !== url) })), []);
  const clear = useCallback(() => setState((s) => ({ key: s.key, images: [] })), []);

  return { images, notice, setNotice, reading: reading > 0, addFiles, addUrl, remove, clear, refuseNoVision: () => setNotice(t('composer.noVision')) };
}
