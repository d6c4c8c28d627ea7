import './import.css';
import { data, lang } from '../app/state';
import { downloadGeoJson } from '../coverage/exporters';
import { ImportPanel } from './ImportPanel';
import { acceptImport, imports, known, removeImport, resetImports } from './state';

/** The import panel wired to the import feature's state and the data in use. */
export function ImportSection() {
  const d = data.value;
  if (!d) return null;
  const { layers } = d;
  return (
    <ImportPanel
      lang={lang.value}
      imports={imports.value}
      district={layers.district.features[0]?.geometry as GeoJSON.Polygon}
      known={known.value}
      targets={{
        circles: layers.circles.features.map((f) => ({
          id: String(f.properties?.id),
          name: String(f.properties?.name),
        })),
        subdistricts: layers.subdistricts.features.map((f) => String(f.properties?.name)),
      }}
      onAccept={acceptImport}
      onRemove={removeImport}
      onReset={resetImports}
      onExport={() =>
        downloadGeoJson(
          {
            type: 'FeatureCollection',
            features: [
              ...layers.circles.features,
              ...layers.eldercare.features,
              ...layers.childcare.features,
              ...layers.services.features,
            ],
          },
          'yangpu-dataset.geojson',
        )
      }
    />
  );
}
