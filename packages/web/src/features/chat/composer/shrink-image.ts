/**
 * Big photos are made smaller before they are attached. A phone photo (4000 px, 3–5 MB, so 4–7 MB
 * of base64) would leave room for no second one in a message's 8 MB; models scale images down to
 * about 1.5–2 k pixels anyway, so 2048 px on the long edge loses nothing they would see.
 */
const MAX_EDGE = 2048;
/** Under this a file is sent as it is: re-encoding would gain little and could lose quality. */
const SHRINK_ABOVE_BYTES = 1024 * 1024;
/** The formats the browser can decode and re-encode without losing anything the user expects (GIF would lose its animation; HEIC rarely decodes). */
const SHRINKABLE = new Set(['image/jpeg', 'image/jpg', 'image/png', 'image/webp', 'image/bmp', 'image/avif']);

export function shouldShrink(file: { type: string; size: number }): boolean {
  return file.size > SHRINK_ABOVE_BYTES && SHRINKABLE.has(file.type.toLowerCase());
}

/** The size that fits within MAX_EDGE on the long side, keeping the proportions; never larger. */
export function fitWithin(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, MAX_EDGE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function encode(canvas: HTMLCanvasElement, type: string, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

/**
 * A smaller copy of a big photo (JPEG; WebP for PNG, which may be transparent), or the file itself
 * when it is small, not shrinkable, cannot be decoded, or the copy would not be smaller.
 */
export async function shrinkImage(file: File): Promise<Blob> {
  if (!shouldShrink(file)) return file;
  try {
    const bitmap = await createImageBitmap(file);
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    const type = file.type === 'image/png' ? 'image/webp' : 'image/jpeg';
    const blob = await encode(canvas, type, 0.85);
    // A browser that cannot encode WebP answers PNG, often larger: keep the original then.
    return blob && blob.type === type && blob.size < file.size ? blob : file;
  } catch {
    return file;
  }
}
