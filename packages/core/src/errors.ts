/** Every error code that crosses the wire, as a const map (`ERROR_CODES.NOT_FOUND === 'NOT_FOUND'`). */
export const ERROR_CODES = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  INVALID_INPUT: 'INVALID_INPUT',
  TIMEOUT: 'TIMEOUT',
  DISCONNECTED: 'DISCONNECTED',
  RATE_LIMITED: 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  INTERNAL: 'INTERNAL',
} as const;

/** One of the {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** One problem found by schema validation, as sent to the caller. */
export interface ValidationIssue {
  /** Where in `data` the problem is (`['user', 'email']`); empty for the root. */
  path: (string | number)[];
  /** What is wrong, in the schema library's words. */
  message: string;
}

/** The wire shape of every error answer: `{ status: 'error', message, errorCode, issues? }`. */
export interface ErrorResponse {
  status: 'error';
  message: string;
  errorCode: ErrorCode;
  issues?: ValidationIssue[];
}

const codes = new Set<string>(Object.values(ERROR_CODES));

/** Whether `value` is one of the {@link ERROR_CODES}. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && codes.has(value);
}

/** Options of a {@link LuckyError} beyond its code and message. */
export interface LuckyErrorOptions {
  /** The underlying error; kept for logs, never sent to the client. */
  cause?: unknown;
  /** Validation issues, sent to the caller with INVALID_INPUT. */
  issues?: ValidationIssue[];
}

/** The one error class of LuckyStack, on both sides of the wire. */
export class LuckyError extends Error {
  override readonly name = 'LuckyError';
  /** What went wrong, as a stable machine-readable code. */
  readonly code: ErrorCode;
  /** Validation issues, when `code` is INVALID_INPUT. */
  readonly issues: ValidationIssue[] | undefined;

  constructor(code: ErrorCode, message: string, options: LuckyErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues;
  }

  /**
   * Turns anything thrown into a LuckyError: a LuckyError is returned as is, anything else becomes
   * INTERNAL with a generic message (the original stays in `cause`, for logs only).
   */
  static from(error: unknown): LuckyError {
    if (error instanceof LuckyError) return error;
    return new LuckyError(ERROR_CODES.INTERNAL, 'Internal server error', { cause: error });
  }

  /** Rebuilds the error a server sent as an {@link ErrorResponse}. */
  static fromResponse(response: ErrorResponse): LuckyError {
    return new LuckyError(response.errorCode, response.message, { issues: response.issues });
  }

  /** The wire shape of this error. */
  toResponse(): ErrorResponse {
    const response: ErrorResponse = { status: 'error', message: this.message, errorCode: this.code };
    if (this.issues) response.issues = this.issues;
    return response;
  }
}

/** Whether `value` is a {@link LuckyError}, optionally of one code. */
export function isLuckyError(value: unknown, code?: ErrorCode): value is LuckyError {
  return value instanceof LuckyError && (code === undefined || value.code === code);
}

/** Whether `value` has the wire shape of an {@link ErrorResponse}. */
export function isErrorResponse(value: unknown): value is ErrorResponse {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    candidate.status === 'error' && typeof candidate.message === 'string' && isErrorCode(candidate.errorCode)
  );
}
