/** RFC 9457 problem details, the body of every error response. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly code?: string;
  /** One entry per invalid field (400). */
  readonly errors?: ReadonlyArray<{ readonly field: string; readonly messages: readonly string[] }>;
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** `NOT_A_CANDIDATE` → `https://cdce.example/errors/not-a-candidate`: a stable, documented address per code. */
export function problemType(code: string): string {
  return `https://cdce.example/errors/${code.toLowerCase().replace(/_/g, '-')}`;
}
