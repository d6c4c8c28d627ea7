import { useRef, useState } from 'preact/hooks';
import { CATEGORIES, type CategoryId } from '../../core/categories';
import type { Crs } from '../../data/crs';
// The page takes the importer's light modules only (the parsers run in the import worker).
import { IMPORT_KINDS, type ImportKind, KINDS } from '../../data/import/kinds';
import { tooLarge, workerFailed } from '../../data/import/results';
import { type Field, type ImportOptions, type ImportResult, MAX_IMPORT_BYTES } from '../../data/import/types';
import type { ImportedLayer } from '../../data/imports';
import { isAbortError } from '../../worker/rpc';
import { services } from '../app/services';
import { formatNumber, type Lang, t } from '../i18n';
import { ImportPreview } from './ImportPreview';
import { CRS_LABEL } from './strings';

/** The kind picker's labels (a kind without one here shows the importer's own label). */
const KIND_LABEL: Partial<Record<ImportKind, Parameters<typeof t>[0]>> = {
  facilities: 'importFacilities',
  circles: 'importCircles',
  population: 'importPopulation',
};
const kindLabel = (k: ImportKind, lang: Lang) => {
  const key = KIND_LABEL[k];
  return key ? t(key, lang) : KINDS[k].label[lang];
};

/** Import a file: choose what it is, preview what is accepted and rejected, then accept. Text only. */
export function ImportPanel(p: {
  lang: Lang;
  imports: ImportedLayer[];
  district: ImportOptions['district'];
  /** the shipped facilities and outlines the CRS evidence compares a file with */
  known: ImportOptions['known'];
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
  const [preview, setPreview] = useState<{
    name: string;
    result: ImportResult;
    bytes: ArrayBuffer;
    /** the options the preview was read with */
    kind: ImportKind;
    crs: Crs;
  } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const parsing = useRef<AbortController | null>(null);
  /** Read (again) with the current choices, or with the ones just made (state updates are not yet applied). */
  const parse = (
    bytes: ArrayBuffer,
    name: string,
    next: {
      kind?: ImportKind;
      crs?: Crs;
      columns?: Partial<Record<Field, string>>;
      category?: CategoryId;
    } = {},
  ) => {
    const options: ImportOptions = {
      kind: next.kind ?? kind,
      crs: next.crs ?? crs,
      category: next.category ?? category,
      district: p.district,
      known: p.known,
      columns: next.columns ?? columns,
      targets: p.targets,
    };
    parsing.current?.abort();
    const ac = new AbortController();
    parsing.current = ac;
    const done = (result: ImportResult) =>
      setPreview({ name, result, bytes, kind: options.kind, crs: options.crs });
    services
      .parseImport(bytes, name, options, ac.signal)
      .then(done)
      .catch((e: Error) => {
        if (!isAbortError(e)) done(workerFailed(e.message));
      })
      .finally(() => {
        if (parsing.current === ac) setProgress(null);
      });
  };
  /** A choice made while a file is shown reads it again (the user's own choice: never silent). */
  const again = (next: Parameters<typeof parse>[2]) => {
    if (preview && preview.bytes.byteLength > 0) parse(preview.bytes, preview.name, next);
  };
  const read = (file: File) => {
    setPreview(null);
    setColumns({});
    if (file.size > MAX_IMPORT_BYTES) {
      setPreview({ name: file.name, bytes: new ArrayBuffer(0), result: tooLarge(file.size), kind, crs });
      return;
    }
    const reader = new FileReader();
    reader.onprogress = (e) => setProgress(e.lengthComputable ? e.loaded / e.total : 0);
    reader.onload = () => parse(reader.result as ArrayBuffer, file.name, { columns: {} });
    setProgress(0);
    reader.readAsArrayBuffer(file);
  };
  const select = (e: Event) => (e.target as HTMLSelectElement).value;
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('importData', lang)}</h2>
      <label class="field">
        <span>{t('importKind', lang)}</span>
        <select
          value={kind}
          onChange={(e) => {
            const next = select(e) as ImportKind;
            setKind(next);
            setColumns({});
            again({ kind: next, columns: {} });
          }}
        >
          {IMPORT_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k, lang)}
            </option>
          ))}
        </select>
      </label>
      {kind === 'facilities' && (
        <label class="field">
          <span>{t('importMode', lang)}</span>
          <select value={mode} onChange={(e) => setMode(select(e) as 'add' | 'replace')}>
            <option value="add">{t('importModeAdd', lang)}</option>
            <option value="replace">{t('importModeReplace', lang)}</option>
          </select>
        </label>
      )}
      {kind !== 'population' && (
        <label class="field">
          <span>{t('importCrs', lang)}</span>
          <select
            value={crs}
            onChange={(e) => {
              const next = select(e) as Crs;
              setCrs(next);
              again({ crs: next });
            }}
          >
            {(Object.keys(CRS_LABEL) as Crs[]).map((c) => (
              <option key={c} value={c}>
                {CRS_LABEL[c]}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === 'facilities' && (
        <label class="field">
          <span>{t('importCategory', lang)}</span>
          <select
            value={category}
            onChange={(e) => {
              const next = select(e) as CategoryId;
              setCategory(next);
              again({ category: next });
            }}
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
          accept=".geojson,.json,.csv,.osm"
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
      {preview && (
        <ImportPreview
          lang={lang}
          name={preview.name}
          result={preview.result}
          kind={preview.kind}
          crs={preview.crs}
          district={p.district}
          onColumn={(field, column) => {
            const next = { ...columns, [field]: column };
            setColumns(next);
            again({ columns: next });
          }}
          onUseCrs={(next) => {
            setCrs(next);
            again({ crs: next });
          }}
          onAccept={() => {
            const r = preview.result;
            p.onAccept({
              id: `IMP${Date.now().toString(36)}`,
              kind: preview.kind,
              mode,
              population: r.population,
              fileName: preview.name,
              crs: preview.crs,
              importedAt: new Date().toISOString(),
              facilities: r.facilities,
              circles: r.circles,
              network: r.network ?? undefined,
            });
            setPreview(null);
            if (input.current) input.current.value = '';
          }}
          onCancel={() => setPreview(null)}
        />
      )}
      {p.imports.length > 0 && (
        <>
          <h3>{t('importedLayers', lang)}</h3>
          <ul class="imports" data-testid="imported-layers">
            {p.imports.map((l) => (
              <li key={l.id}>
                {l.fileName} · {kindLabel(l.kind, lang)} ·{' '}
                {formatNumber(l.facilities.length + l.circles.length + (l.population?.length ?? 0), lang)}{' '}
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
