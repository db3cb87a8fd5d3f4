// Anthropic-shaped error bodies: `{type:"error", error:{type, message}, request_id}`.
// The error types per status follow Anthropic's documented list; the request id is
// repeated in the `request-id` header, as the API does.

export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
  request_id?: string;
}

/** The error type Anthropic uses for a status, and a default message. */
function typeFor(status: number): [type: string, message: string] {
  switch (status) {
    case 400:
      return ['invalid_request_error', 'Invalid request'];
    case 401:
      return ['authentication_error', 'invalid x-api-key'];
    case 402:
      return ['billing_error', 'Your credit balance is too low to access the Anthropic API.'];
    case 403:
      return ['permission_error', 'Your API key does not have permission to use the specified resource.'];
    case 404:
      return ['not_found_error', 'Not found'];
    case 413:
      return ['request_too_large', 'Request exceeds the maximum allowed number of bytes.'];
    case 429:
      return ['rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit.'];
    case 504:
      return ['timeout_error', 'Request timed out'];
    case 529:
      return ['overloaded_error', 'Overloaded'];
  }
  // Anthropic documents that other 4XX statuses may also use invalid_request_error.
  return status >= 500 ? ['api_error', 'Internal server error'] : ['invalid_request_error', 'Invalid request'];
}

export function anthropicError(status: number, message?: string, requestId?: string): AnthropicErrorBody {
  const [type, fallback] = typeFor(status);
  const body: AnthropicErrorBody = { type: 'error', error: { type, message: message ?? fallback } };
  if (requestId !== undefined) body.request_id = requestId;
  return body;
}
