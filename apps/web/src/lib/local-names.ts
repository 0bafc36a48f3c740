import { useMemo } from 'react';
import type { MunicipalityReference } from '../api/types';
import { currentLanguage } from '../i18n/i18n';
import { usePerToken } from './per-token';

export interface LocalNames {
  /** The commune's name in the reader's language (« Luik »), or `fallback` (the French name the API gave). */
  commune(nis: string, fallback: string): string;
  /** A province, given by its French name as queries answer it, in the reader's language (« Henegouwen »). */
  province(french: string): string;
}

/**
 * Names of communes and provinces in the language the reader chose. Queries answer in French; the reference data
 * has the Dutch names. Until it arrives, names stay French.
 */
export function useLocalNames(): LocalNames {
  const answer = usePerToken<{ municipalities: MunicipalityReference[] }>('/api/municipalities', 'commune.read');
  return useMemo(() => {
    const language = currentLanguage();
    const communes = new Map<string, string>();
    const provinces = new Map<string, string>();
    for (const m of answer?.municipalities ?? []) {
      communes.set(m.nis, m.names[language]);
      if (m.province) provinces.set(m.province.fr, m.province[language]);
    }
    return {
      commune: (nis, fallback) => communes.get(nis) ?? fallback,
      province: (french) => provinces.get(french) ?? french,
    };
  }, [answer]);
}
