// Google API error bodies (Gemini API and Vertex AI share them):
// `{error:{code:<http status>, message, status:<canonical code name>, details?}}`.

/** Google APIs label their JSON with an upper-case charset; clients must not compare exactly. */
export const GOOGLE_JSON_HEADERS: Record<string, string> = { 'content-type': 'application/json; charset=UTF-8' };

export interface GoogleErrorBody {
  error: { code: number; message: string; status: string; details?: object[] };
}

/** Canonical google.rpc.Code name and default message for an HTTP status. */
function codeFor(status: number): [name: string, message: string] {
  switch (status) {
    case 400:
      return ['INVALID_ARGUMENT', 'Request contains an invalid argument.'];
    case 401:
      return ['UNAUTHENTICATED', INVALID_CREDENTIALS];
    case 403:
      return ['PERMISSION_DENIED', 'The caller does not have permission'];
    case 404:
      return ['NOT_FOUND', 'Requested entity was not found.'];
    case 409:
      return ['ABORTED', 'The operation was aborted.'];
    case 429:
      return ['RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).'];
    case 499:
      return ['CANCELLED', 'The operation was cancelled.'];
    case 501:
      return ['NOT_IMPLEMENTED', 'Method not implemented.'];
    case 503:
      return ['UNAVAILABLE', 'The model is overloaded. Please try again later.'];
    case 504:
      return ['DEADLINE_EXCEEDED', 'Deadline expired before operation could complete.'];
  }
  return status >= 500
    ? ['INTERNAL', 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting']
    : ['FAILED_PRECONDITION', 'Precondition check failed.'];
}

const INVALID_CREDENTIALS =
  'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';

const MISSING_CREDENTIALS =
  'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';

const ERROR_INFO = 'type.googleapis.com/google.rpc.ErrorInfo';

export function googleError(status: number, message?: string, details?: object[]): GoogleErrorBody {
  const [name, fallback] = codeFor(status);
  const error: GoogleErrorBody['error'] = { code: status, message: message ?? fallback, status: name };
  if (details) error.details = details;
  return { error };
}

/**
 * A scripted Gemini/Vertex error. 429s carry RetryInfo, which is where Google puts
 * the retry delay (there is no retry-after header).
 */
export function googleErrorForStatus(status: number, message?: string): GoogleErrorBody {
  const details = status === 429 ? [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1s' }] : undefined;
  return googleError(status, message, details);
}

/** Gemini API, wrong key: Google answers 400 INVALID_ARGUMENT with reason API_KEY_INVALID, not 401. */
export function apiKeyInvalid(): GoogleErrorBody {
  const message = 'API key not valid. Please pass a valid API key.';
  return googleError(400, message, [
    { '@type': ERROR_INFO, reason: 'API_KEY_INVALID', domain: 'googleapis.com', metadata: { service: 'generativelanguage.googleapis.com' } },
    { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message },
  ]);
}

/** Gemini API, no key at all: 403, the caller has no identity. */
export function apiKeyMissing(): GoogleErrorBody {
  return googleError(
    403,
    "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
  );
}

/** Vertex AI without a usable OAuth access token. */
export function vertexUnauthenticated(missing: boolean): GoogleErrorBody {
  return googleError(401, missing ? MISSING_CREDENTIALS : INVALID_CREDENTIALS, [
    {
      '@type': ERROR_INFO,
      reason: missing ? 'CREDENTIALS_MISSING' : 'ACCESS_TOKEN_TYPE_UNSUPPORTED',
      domain: 'googleapis.com',
      metadata: { service: 'aiplatform.googleapis.com', method: 'google.cloud.aiplatform.v1.PredictionService.GenerateContent' },
    },
  ]);
}
