/** The iframe snippet of "Embed this view" (pure). */

/** The embed sizes offered and tested (CSS px); the map fills the frame at each. */
export const EMBED_SIZES = [
  { id: 'large', width: 800, height: 560 },
  { id: 'small', width: 420, height: 320 },
  { id: 'phone', width: 360, height: 560 },
  { id: 'narrow', width: 320, height: 480 },
] as const;

export type EmbedSize = (typeof EMBED_SIZES)[number];

/** Text made safe inside a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An <iframe> for `src` with a title for screen readers; it shrinks to a narrower column. */
export function iframeSnippet(src: string, title: string, size: { width: number; height: number }): string {
  return (
    `<iframe title="${escapeAttribute(title)}" src="${escapeAttribute(src)}" ` +
    `width="${size.width}" height="${size.height}" style="border:0;max-width:100%" loading="lazy"></iframe>`
  );
}
