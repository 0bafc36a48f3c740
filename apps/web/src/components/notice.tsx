import type { ReactNode } from 'react';

/** A success or information message, announced politely. */
export function Notice({
  kind,
  children,
}: {
  readonly kind: 'success' | 'info' | 'warning';
  readonly children: ReactNode;
}) {
  return (
    <div className={`notice notice--${kind}`} role="status">
      {children}
    </div>
  );
}
