import './layers.css';
import { data, index, lang } from '../app/state';
import { ImportSection } from '../import/ImportSection';
import { LayersPanel } from './LayersPanel';
import { toggleLayer, visible } from './state';

const importedCount = (idx: typeof index.value) =>
  idx ? [...idx.facilities.values()].filter((f) => f.properties.imported).length : 0;

/** Layer toggles, the legend, the address-only list, and importing data. */
export function LayersTab() {
  return (
    <>
      <LayersPanel
        lang={lang.value}
        visible={visible.value}
        counts={index.value?.counts ?? new Map()}
        unlocated={data.value?.unlocated ?? []}
        imported={importedCount(index.value)}
        onToggle={toggleLayer}
      />
      <ImportSection />
    </>
  );
}
