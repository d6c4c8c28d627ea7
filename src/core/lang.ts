/** The two interface languages: Chinese first, English second. */
export type Lang = 'zh' | 'en';

export const LANGS: readonly Lang[] = ['zh', 'en'];

/** A text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

export const bilingual = (zh: string, en: string): Bilingual => ({ zh, en });
