/** A link that opens a report in the app (a plain link too: open it in a new tab, copy it). */
import type { ComponentChildren } from 'preact';
import { hrefFor } from '../url';
import type { ReportRef } from './ref';
import { openReport } from './state';

export function ReportLink(p: {
  to: ReportRef;
  class?: string;
  title?: string;
  children: ComponentChildren;
}) {
  return (
    <a
      class={p.class ?? 'report-link'}
      href={hrefFor(p.to)}
      title={p.title}
      data-report-link={p.to.kind}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        openReport(p.to);
      }}
    >
      {p.children}
    </a>
  );
}
