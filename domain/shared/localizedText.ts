/** Every text a user reads is zh-TW first, English second. */
export interface LocalizedText {
  zhTW: string;
  en: string;
}

export type Locale = 'zh-TW' | 'en';

export function pick(text: LocalizedText, locale: Locale): string {
  return locale === 'en' ? text.en : text.zhTW;
}
