import { t } from '../i18n/i18n';

export function Loading({ label }: { readonly label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      {label ?? t('app.loading')}
    </p>
  );
}
