/** OpenCandidacy needs nothing but the commune in the path; an empty body is accepted. */
export class OpenCandidacyRequestDto {}
