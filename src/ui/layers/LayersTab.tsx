import './layers.css';
import { data, index, lang } from '../app/state';
import { ImportSection } from '../import/ImportSection';
import { LayersPanel } from './LayersPanel';
import { toggleLayer, visible } from './state';

/** Layer toggles, the legend, the address-only list, and importing data. */
export function LayersTab() {
  return (
    <>
      <LayersPanel
        lang={lang.value}
        visible={visible.value}
        counts={index.value?.counts ?? new Map()}
        unlocated={data.value?.unlocated ?? []}
        onToggle={toggleLayer}
      />
      <ImportSection />
    </>
  );
}
