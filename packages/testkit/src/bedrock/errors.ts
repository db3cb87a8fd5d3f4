// Bedrock runtime error answers. The service speaks AWS restJson1: the body is
// {"message": …} and the error's name travels in the x-amzn-errortype header as
// `Name:namespace-url`, which is what SDKs (and the gateway) read to classify it.

export interface BedrockError {
  status: number;
  /** e.g. "ValidationException" */
  type: string;
  message: string;
}

// Auth failures come from the shared AWS front door (coral service), model errors from Bedrock itself.
const CORAL = 'http://internal.amazon.com/coral/com.amazon.coral.service/';
const BEDROCK = 'http://internal.amazon.com/coral/com.amazon.bedrock/';
const AUTH_TYPES = new Set(['InvalidSignatureException', 'UnrecognizedClientException', 'IncompleteSignatureException', 'MissingAuthenticationTokenException']);

export function errorTypeHeader(type: string): string {
  return `${type}:${AUTH_TYPES.has(type) ? CORAL : BEDROCK}`;
}

export const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

export const authError = (type: string, message: string): BedrockError => ({ status: 403, type, message });

export const validationError = (detail: string): BedrockError => ({
  status: 400,
  type: 'ValidationException',
  message: `Malformed input request: ${detail}, please reformat your input and try again.`,
});

/** The error InvokeModel answers with for a scripted status. */
export function errorForStatus(status: number, message?: string): BedrockError {
  const [type, text] = DEFAULTS[status] ?? (status >= 500 ? DEFAULTS[500]! : DEFAULTS[400]!);
  return { status, type, message: message ?? text };
}

const DEFAULTS: Record<number, [string, string]> = {
  400: ['ValidationException', 'Malformed input request, please reformat your input and try again.'],
  403: ['AccessDeniedException', "You don't have access to the model with the specified model ID."],
  404: ['ResourceNotFoundException', 'Could not resolve the foundation model from the provided model identifier.'],
  408: ['ModelTimeoutException', 'Model has timed out in processing the request. Try your request again.'],
  424: ['ModelErrorException', 'The model encountered an error while processing the request.'],
  429: ['ThrottlingException', 'Too many requests, please wait before trying again.'],
  500: ['InternalServerException', 'The server encountered an error processing your request. Try your request again.'],
  503: ['ServiceUnavailableException', 'Bedrock is unable to process your request.'],
};

/** Default messages of the in-stream exceptions. */
export const STREAM_EXCEPTION_MESSAGES: Record<string, string> = {
  throttlingException: 'Too many tokens, please wait before trying again.',
  modelStreamErrorException: 'The model stream encountered an error while processing the request.',
};
