import type { Locale, LocalizedText } from '../../domain/shared/localizedText';

/** zh-TW unless the caller prefers English over Chinese in Accept-Language. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'zh-TW';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-TW';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-TW';
}

export function localize(text: LocalizedText, locale: Locale): string {
  return locale === 'en' ? text.en : text.zhTW;
}
