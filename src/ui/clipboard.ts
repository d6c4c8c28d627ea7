/** Copy to the clipboard, with a short "copied" state for the button that did it. */
import { useState } from 'preact/hooks';

/**
 * `[copied, copy]`: `copy(text)` puts text on the clipboard and sets `copied` for 2.5 s;
 * where the browser refuses, the text is shown in a prompt (titled `promptTitle`) to copy by hand.
 */
export function useCopy(promptTitle: string): [boolean, (text: string) => Promise<void>] {
  const [copied, setCopied] = useState(false);
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 2500);
    } catch {
      window.prompt(promptTitle, text);
    }
  };
  return [copied, copy];
}
