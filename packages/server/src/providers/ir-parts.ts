import { toDataUrl, type IrImagePart, type IrUserPart } from '@switchboard/protocol';

/**
 * A user part as plain text, for upstreams whose API takes text only at that place: media
 * become short bracketed notes, so the model knows something was attached.
 */
export function partAsText(p: IrUserPart): string {
  switch (p.type) {
    case 'text':
      return p.text;
    case 'image':
      return '[image]';
    case 'audio':
      return '[audio]';
    case 'file':
      return `[file: ${p.source.kind === 'url' ? p.source.url : (p.filename ?? 'attachment')}]`;
  }
}

/** An image as one URL: its own http(s) URL, or a `data:` URL for base64 data. */
export function imageUrlOf(p: IrImagePart): string {
  return p.source.kind === 'url' ? p.source.url : toDataUrl(p.source.mediaType, p.source.data);
}
