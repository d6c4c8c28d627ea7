import { useRef, useState } from 'preact/hooks';
import { CATEGORIES, type CategoryId } from '../../core/categories';
import type { Crs } from '../../data/crs';
import {
  type Field,
  type ImportKind,
  type ImportOptions,
  type ImportResult,
  MAX_IMPORT_BYTES,
  tooLarge,
  workerFailed,
} from '../../data/importer';
import type { ImportedLayer } from '../../data/imports';
import { parseInWorker } from '../../worker/importClient';
import { isAbortError } from '../../worker/rpc';
import { formatNumber, type Lang, t } from '../i18n';

const CRS_LABEL: Record<Crs, string> = {
  WGS84: 'WGS-84 (GPS/OSM)',
  GCJ02: 'GCJ-02 (高德/腾讯)',
  BD09: 'BD-09 (百度)',
};

/** Import a file: choose what it is, preview what is accepted and rejected, then accept. Text only. */
export function ImportPanel(p: {
  lang: Lang;
  imports: ImportedLayer[];
  district: ImportOptions['district'];
  targets: NonNullable<ImportOptions['targets']>;
  onAccept(layer: ImportedLayer): void;
  onRemove(id: string): void;
  onReset(): void;
  onExport(): void;
}) {
  const { lang } = p;
  const [kind, setKind] = useState<ImportKind>('facilities');
  const [crs, setCrs] = useState<Crs>('WGS84');
  const [category, setCategory] = useState<CategoryId>('baby-room');
  const [mode, setMode] = useState<'add' | 'replace'>('add');
  const [columns, setColumns] = useState<Partial<Record<Field, string>>>({});
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<{ name: string; result: ImportResult; bytes: ArrayBuffer } | null>(
    null,
  );
  const input = useRef<HTMLInputElement>(null);

  const parsing = useRef<AbortController | null>(null);
  const parse = (bytes: ArrayBuffer, name: string, withCrs: Crs, withColumns = columns) => {
    const options: ImportOptions = {
      kind,
      crs: withCrs,
      category,
      district: p.district,
      columns: withColumns,
      targets: p.targets,
    };
    parsing.current?.abort();
    const ac = new AbortController();
    parsing.current = ac;
    parseInWorker(bytes, name, options, ac.signal)
      .then((result) => setPreview({ name, result, bytes }))
      .catch((e: Error) => {
        if (!isAbortError(e)) setPreview({ name, bytes, result: workerFailed(e.message) });
      })
      .finally(() => {
        if (parsing.current === ac) setProgress(null);
      });
  };
  const read = (file: File) => {
    setPreview(null);
    setColumns({});
    if (file.size > MAX_IMPORT_BYTES) {
      setPreview({ name: file.name, bytes: new ArrayBuffer(0), result: tooLarge(file.size) });
      return;
    }
    const reader = new FileReader();
    reader.onprogress = (e) => setProgress(e.lengthComputable ? e.loaded / e.total : 0);
    reader.onload = () => parse(reader.result as ArrayBuffer, file.name, crs);
    setProgress(0);
    reader.readAsArrayBuffer(file);
  };
  const r = preview?.result;
  const accepted = r ? r.facilities.length + r.circles.length + r.population.length : 0;
  const mappable: Field[] =
    kind === 'population' ? ['name', 'population'] : ['lon', 'lat', 'name', 'address', 'category', 'id'];
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('importData', lang)}</h2>
      <label class="field">
        <span>{t('importKind', lang)}</span>
        <select value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as ImportKind)}>
          <option value="facilities">{t('importFacilities', lang)}</option>
          <option value="circles">{t('importCircles', lang)}</option>
          <option value="population">{t('importPopulation', lang)}</option>
        </select>
      </label>
      {kind === 'facilities' && (
        <label class="field">
          <span>{t('importMode', lang)}</span>
          <select
            value={mode}
            onChange={(e) => setMode((e.target as HTMLSelectElement).value as 'add' | 'replace')}
          >
            <option value="add">{t('importModeAdd', lang)}</option>
            <option value="replace">{t('importModeReplace', lang)}</option>
          </select>
        </label>
      )}
      <label class="field">
        <span>{t('importCrs', lang)}</span>
        <select value={crs} onChange={(e) => setCrs((e.target as HTMLSelectElement).value as Crs)}>
          {(Object.keys(CRS_LABEL) as Crs[]).map((c) => (
            <option key={c} value={c}>
              {CRS_LABEL[c]}
            </option>
          ))}
        </select>
      </label>
      {kind === 'facilities' && (
        <label class="field">
          <span>{t('importCategory', lang)}</span>
          <select
            value={category}
            onChange={(e) => setCategory((e.target as HTMLSelectElement).value as CategoryId)}
          >
            {CATEGORIES.map((c) => (
              <option key={c.id} value={c.id}>
                {c[lang]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label
        class="dropzone"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          const f = e.dataTransfer?.files[0];
          if (f) read(f);
        }}
      >
        {t('importFile', lang)}
        <input
          ref={input}
          type="file"
          accept=".geojson,.json,.csv"
          onChange={(e) => {
            const f = (e.target as HTMLInputElement).files?.[0];
            if (f) read(f);
          }}
        />
      </label>
      {progress !== null && (
        <progress max={1} value={progress} aria-label={t('importReading', lang)}>
          {t('importReading', lang)}
        </progress>
      )}
      {preview && r && (
        <div class="card" data-testid="import-preview">
          <strong>{preview.name}</strong>
          {r.fatal ? (
            <p class="notice" role="alert">
              {r.fatal[lang]}
            </p>
          ) : (
            <>
              <p>
                {t('importEncoding', lang)}: {r.encoding} · {t('importAccepted', lang)}{' '}
                <strong data-testid="import-accepted">{formatNumber(accepted, lang)}</strong> ·{' '}
                {t('importRejected', lang)} <strong>{formatNumber(r.rejected.length, lang)}</strong>
              </p>
              {r.header.length > 0 && (
                <fieldset class="mapping">
                  <legend>{t('importColumns', lang)}</legend>
                  {mappable.map((field) => (
                    <label key={field}>
                      {field}{' '}
                      <select
                        value={r.columns[field] ?? ''}
                        onChange={(e) => {
                          const next = { ...columns, [field]: (e.target as HTMLSelectElement).value };
                          setColumns(next);
                          parse(preview.bytes, preview.name, crs, next);
                        }}
                      >
                        <option value="">—</option>
                        {r.header.map((h) => (
                          <option key={h} value={h}>
                            {h}
                          </option>
                        ))}
                      </select>
                    </label>
                  ))}
                </fieldset>
              )}
              {r.suggestedCrs && (
                <p class="notice">
                  {t('importSuggestCrs', lang)} {CRS_LABEL[r.suggestedCrs]}{' '}
                  <button
                    type="button"
                    onClick={() => {
                      setCrs(r.suggestedCrs!);
                      parse(preview.bytes, preview.name, r.suggestedCrs!);
                    }}
                  >
                    {t('importUseCrs', lang)}
                  </button>
                </p>
              )}
              {[...r.warnings, ...r.rejected].length > 0 && (
                <ul class="issues">
                  {[...r.warnings, ...r.rejected].slice(0, 50).map((issue, i) => (
                    <li key={i}>
                      {issue.where ? `${issue.where}: ` : ''}
                      {issue.message[lang]}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          <div class="buttons">
            <button
              type="button"
              disabled={accepted === 0}
              onClick={() => {
                p.onAccept({
                  id: `IMP${Date.now().toString(36)}`,
                  kind,
                  mode,
                  population: r.population,
                  fileName: preview.name,
                  crs,
                  importedAt: new Date().toISOString(),
                  facilities: r.facilities,
                  circles: r.circles,
                });
                setPreview(null);
                if (input.current) input.current.value = '';
              }}
            >
              {t('importAccept', lang)}
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              {t('importCancel', lang)}
            </button>
          </div>
        </div>
      )}
      {p.imports.length > 0 && (
        <>
          <h3>{t('importedLayers', lang)}</h3>
          <ul class="imports" data-testid="imported-layers">
            {p.imports.map((l) => (
              <li key={l.id}>
                {l.fileName} · {l.kind === 'circles' ? t('importCircles', lang) : t('importFacilities', lang)}{' '}
                · {formatNumber(l.facilities.length + l.circles.length, lang)}{' '}
                <button type="button" onClick={() => p.onRemove(l.id)}>
                  {t('remove', lang)}
                </button>
              </li>
            ))}
          </ul>
          <div class="buttons">
            <button type="button" onClick={p.onReset}>
              {t('importReset', lang)}
            </button>
          </div>
        </>
      )}
      <div class="buttons">
        <button type="button" onClick={p.onExport}>
          {t('importExport', lang)}
        </button>
      </div>
    </section>
  );
}
