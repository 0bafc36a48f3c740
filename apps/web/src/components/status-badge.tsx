import type { CommuneStatus } from '../api/types';
import { t } from '../i18n/i18n';

/** The status in words; the colour only repeats what the words say. */
export function StatusBadge({ status }: { readonly status: CommuneStatus }) {
  return <span className={`badge badge--${status}`}>{t(`status.${status}`)}</span>;
}
