/**
 * "Embed this view": choose a size, copy the iframe snippet of the current view (with a
 * title for screen readers), or preview it. The snippet follows the view as it changes.
 */
import { useState } from 'preact/hooks';
import { categoryLabel } from '../../core/categories';
import type { Lang } from '../../core/lang';
import { tab } from '../app/state';
import { useCopy } from '../clipboard';
import { category } from '../coverage/state';
import { t } from '../i18n';
import { viewLink } from '../url';
import { EMBED_SIZES, iframeSnippet } from './snippet';
import { s } from './strings';

/** The iframe's title: the map's name and what the widget shows, in the view's language. */
function frameTitle(lang: Lang): string {
  const what = tab.value === 'nearby' ? s('nearbyTitle', lang) : categoryLabel(category.value, lang);
  return `${t('title', lang)} · ${what}`;
}

export function EmbedThisView(p: { lang: Lang }) {
  const { lang } = p;
  const [open, setOpen] = useState(false);
  const [sizeId, setSizeId] = useState<string>(EMBED_SIZES[0].id);
  const [copied, copy] = useCopy(s('embedCode', lang));
  const size = EMBED_SIZES.find((x) => x.id === sizeId) ?? EMBED_SIZES[0];
  const src = open ? viewLink(true) : '';
  const code = open ? iframeSnippet(src, frameTitle(lang), size) : '';
  return (
    <div class="embed-this-view">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="embed-this-view"
        onClick={() => setOpen(!open)}
      >
        {s('embedView', lang)}
      </button>
      {open && (
        <div id="embed-this-view" class="card">
          <fieldset class="embed-sizes">
            <legend>{s('embedSize', lang)}</legend>
            {EMBED_SIZES.map((x) => (
              <label key={x.id}>
                <input
                  type="radio"
                  name="embed-size"
                  value={x.id}
                  checked={x.id === size.id}
                  onChange={() => setSizeId(x.id)}
                />
                {s(`size.${x.id}`, lang)} {x.width}×{x.height}
              </label>
            ))}
          </fieldset>
          <label class="field embed-code">
            <span>{s('embedCode', lang)}</span>
            <textarea readOnly rows={4} value={code} data-testid="embed-code" />
          </label>
          <div class="buttons">
            <button type="button" onClick={() => copy(code)}>
              {copied ? s('codeCopied', lang) : s('copyCode', lang)}
            </button>
            <a href={src} target="_blank" rel="noopener noreferrer">
              {s('preview', lang)} ↗
            </a>
          </div>
          <p class="note">{s('embedHelp', lang)}</p>
        </div>
      )}
    </div>
  );
}
