import { render } from 'preact';
import { DataError } from './data/errors';
import { loadLayers } from './data/load';
import { LAYER_URLS, ROUTE_FACTORS_URL, UNLOCATED_URL, WALK_GRAPH_URL } from './data/urls';
import { App } from './ui/app/App';
import { start } from './ui/app/start';
import { flags, lang, panelOpen } from './ui/app/state';
import { t } from './ui/i18n';
import { initFromUrl } from './ui/url';
import './ui/app.css';

const root = document.getElementById('app')!;

function showError(message: string): void {
  // Text only: error messages may quote data.
  const box = document.createElement('div');
  box.className = 'load-error';
  box.setAttribute('role', 'alert');
  const title = document.createElement('strong');
  title.textContent = t('loadError', lang.value);
  const detail = document.createElement('pre');
  detail.textContent = message;
  box.append(title, detail);
  root.replaceChildren(box);
}

initFromUrl(location.search, import.meta.env.VITE_BASEMAP_STYLE_URL);
panelOpen.value = !flags.embed;
root.textContent = t('loading', lang.value);
loadLayers(LAYER_URLS, UNLOCATED_URL, WALK_GRAPH_URL, ROUTE_FACTORS_URL)
  .then((data) => {
    root.textContent = '';
    start(data);
    render(<App />, root);
  })
  .catch((e: unknown) => {
    showError(e instanceof DataError || e instanceof Error ? e.message : String(e));
  });
