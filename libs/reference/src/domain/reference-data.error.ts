/** The reference files are malformed or inconsistent (a bad NIS code, a merger into an unknown municipality…). */
export class ReferenceDataError extends Error {
  readonly code = 'INVALID_REFERENCE_DATA';
  constructor(
    message: string,
    /** Where the problem is, e.g. `belgian-municipalities.csv line 12`, when known. */
    readonly location?: string,
  ) {
    super(location ? `${location}: ${message}` : message);
    this.name = 'ReferenceDataError';
  }
}
