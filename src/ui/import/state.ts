/**
 * The import feature's state (no JSX): the imported layers, kept in IndexedDB. Changing
 * them changes the data in use (app/state `data`): the defaults are never modified.
 */
import { computed, signal } from '@preact/signals';
import { knownFromLayers } from '../../data/import/known';
import { clearImports, deleteImport, type ImportedLayer, loadImports, saveImport } from '../../data/imports';
import { baseData, notice } from '../app/state';

export const imports = signal<ImportedLayer[]>([]);
/** true once the kept imports have been read (so the first analysis uses them) */
export const importsLoaded = signal(false);

/** What the CRS evidence compares a file with: the shipped facilities and outlines (never the user's imports). */
export const known = computed(() => (baseData.value ? knownFromLayers(baseData.value.layers) : undefined));

export async function restoreImports(): Promise<void> {
  imports.value = await loadImports();
  importsLoaded.value = true;
}

export function acceptImport(layer: ImportedLayer): void {
  imports.value = [...imports.value, layer];
  saveImport(layer).catch((e: Error) => {
    notice.value = e.message;
  });
}

export function removeImport(id: string): void {
  imports.value = imports.value.filter((l) => l.id !== id);
  deleteImport(id).catch((e: Error) => {
    notice.value = e.message;
  });
}

export function resetImports(): void {
  imports.value = [];
  clearImports().catch((e: Error) => {
    notice.value = e.message;
  });
}
