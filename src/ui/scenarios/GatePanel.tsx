import { useState } from 'preact/hooks';
import type { GateSuggestion } from '../../analysis/network/suggestGates';
import type { Lang } from '../../core/lang';
import { formatNumber, t } from '../i18n';
import { CountField } from './CountField';
import type { Scenario } from './codec';
import { s } from './strings';

/** Walking-network changes of the active scenario: gates, closed links, and suggested gates. */
export function GatePanel(p: {
  lang: Lang;
  active: Scenario | null;
  networkMode: boolean;
  /** walking (best available): say that gates act only on the mapped network */
  walkMode?: boolean;
  edit: 'gate' | 'closure' | null;
  problems: { id: string; message: { zh: string; en: string } }[];
  suggestion: GateSuggestion[] | null;
  suggesting: boolean;
  onUseNetwork(): void;
  onEdit(edit: 'gate' | 'closure' | null): void;
  onRemove(id: string): void;
  onSuggest(count: number): void;
  onAccept(ranks: number[]): void;
}) {
  const { lang } = p;
  const [count, setCount] = useState(3);
  const metres = (v: number) => `${formatNumber(v, lang)} ${t('metres', lang)}`;
  const problemOf = (id: string) =>
    p.problems
      .filter((x) => x.id === id)
      .map((x) => x.message[lang])
      .join(' ') || undefined;
  return (
    <section aria-labelledby="gates-title" data-testid="gates">
      <h3 id="gates-title">{s('gatesTitle', lang)}</h3>
      {!p.networkMode ? (
        <p class="note">
          {s('gatesNeedNetwork', lang)}{' '}
          <button type="button" class="link" onClick={p.onUseNetwork}>
            {s('useNetwork', lang)}
          </button>
        </p>
      ) : (
        <>
          {p.walkMode && (
            <p class="note" data-testid="gates-mapped-only">
              {s('gatesMappedOnly', lang)}
            </p>
          )}
          <div class="buttons">
            <button
              type="button"
              aria-pressed={p.edit === 'gate'}
              onClick={() => p.onEdit(p.edit === 'gate' ? null : 'gate')}
            >
              {p.edit === 'gate' ? s('addingGate', lang) : s('addGate', lang)}
            </button>
            <button
              type="button"
              aria-pressed={p.edit === 'closure'}
              onClick={() => p.onEdit(p.edit === 'closure' ? null : 'closure')}
            >
              {p.edit === 'closure' ? s('closingLink', lang) : s('closeLink', lang)}
            </button>
          </div>
          {p.edit === 'gate' && (
            <p class="note" data-testid="gate-limit">
              {s('gateLimit', lang)}
            </p>
          )}
          {(p.active?.gates?.length ?? 0) + (p.active?.closures?.length ?? 0) > 0 && (
            <ul class="scenario-sites" data-testid="network-edits">
              {[
                ...(p.active?.gates ?? []).map((g, i) => ({
                  id: g.id,
                  label: `${s('gate', lang)} ${i + 1}`,
                })),
                ...(p.active?.closures ?? []).map((c, i) => ({
                  id: c.id,
                  label: `${s('closure', lang)} ${i + 1}`,
                })),
              ].map((x) => (
                <li key={x.id}>
                  {x.label}
                  {problemOf(x.id) && (
                    <span class="notice" data-testid="gate-note">
                      {' '}
                      {problemOf(x.id)}
                    </span>
                  )}{' '}
                  <button type="button" onClick={() => p.onRemove(x.id)}>
                    {t('remove', lang)}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div class="buttons">
            <CountField label={s('suggestGates', lang)} value={count} onChange={setCount} />
            <button type="button" onClick={() => p.onSuggest(count)} disabled={p.suggesting}>
              {p.suggesting ? t('computing', lang) : s('suggestGatesRun', lang)}
            </button>
          </div>
          {p.suggestion &&
            (p.suggestion.length === 0 ? (
              <p class="note">{s('noGateHelps', lang)}</p>
            ) : (
              <>
                <ol class="worst" data-testid="gate-suggestions">
                  {p.suggestion.map((g, i) => (
                    <li key={`${g.a[0]},${g.a[1]},${g.b[0]},${g.b[1]}`}>
                      {t('gain', lang)} {formatNumber(g.gain, lang)} {t('residents', lang)} ·{' '}
                      {s('walkSaved', lang)} {metres(g.walkSavedM)} · {s('gateLength', lang)}{' '}
                      {metres(g.lengthM)}{' '}
                      <button type="button" class="link" onClick={() => p.onAccept([i])}>
                        {t('add', lang)}
                      </button>
                    </li>
                  ))}
                </ol>
                <button type="button" onClick={() => p.onAccept(p.suggestion!.map((_, i) => i))}>
                  {t('addAll', lang)}
                </button>
              </>
            ))}
          <p class="note">{s('gatesModel', lang)}</p>
        </>
      )}
    </section>
  );
}
