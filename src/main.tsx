import { render } from 'preact';
import { DataError } from './data/errors';
import { loadLayers } from './data/load';
import { LAYER_URLS, UNLOCATED_URL } from './data/urls';
import { App } from './ui/App';
import { t } from './ui/i18n';
import { lang } from './ui/state';
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

root.textContent = t('loading', lang.value);
loadLayers(LAYER_URLS, UNLOCATED_URL)
  .then((data) => {
    root.textContent = '';
    render(<App data={data} />, root);
  })
  .catch((e: unknown) => {
    showError(e instanceof DataError || e instanceof Error ? e.message : String(e));
  });
