import type { Lang } from '../../core/lang';
import { t } from '../i18n';

/** An analysis that failed: what went wrong (as text) and a way to try again. */
export function AnalysisError(p: { lang: Lang; message: string; onRetry(): void }) {
  return (
    <div class="notice error" role="alert" data-testid="analysis-error">
      <p>
        <strong>{t('analysisFailed', p.lang)}</strong> {p.message}
      </p>
      <button type="button" onClick={p.onRetry}>
        {t('retry', p.lang)}
      </button>
    </div>
  );
}
