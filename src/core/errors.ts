/** Stable error codes: library callers can branch on `error.code`. */
export type ErrorCode =
  | 'E_USAGE'
  | 'E_INPUT_NOT_FOUND'
  | 'E_INPUT_UNREADABLE'
  | 'E_INPUT_BINARY'
  | 'E_INPUT_EMPTY'
  | 'E_INPUT_PARSE'
  | 'E_ENCODING'
  | 'E_UNKNOWN_COMPONENT'
  | 'E_COMPONENT_CYCLE'
  | 'E_MODEL'
  | 'E_LEXICON'
  | 'E_DATE';

export class ExtraitError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExtraitError';
    this.code = code;
  }
}
