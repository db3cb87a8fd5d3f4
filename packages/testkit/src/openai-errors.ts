// OpenAI-shaped error bodies. The type/code pairs mirror what api.openai.com
// returns so the gateway's error mapping is exercised against realistic input.

export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

function err(message: string, type: string, code: string | null): OpenAIErrorBody {
  return { error: { message, type, param: null, code } };
}

/** Default error body for a scripted status; `message` replaces only the message. */
export function errorForStatus(status: number, message?: string): OpenAIErrorBody {
  switch (status) {
    case 401:
      return err(
        message ?? 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
        'invalid_request_error',
        'invalid_api_key',
      );
    case 403:
      return err(message ?? 'You are not allowed to sample from this model', 'invalid_request_error', 'permission_denied');
    case 404:
      return err(message ?? 'The model does not exist or you do not have access to it.', 'invalid_request_error', 'model_not_found');
    case 429:
      return err(message ?? 'Rate limit reached for requests', 'requests', 'rate_limit_exceeded');
    case 503:
      return err(message ?? 'The engine is currently overloaded, please try again later.', 'server_error', 'server_error');
  }
  if (status >= 500) {
    return err(
      message ?? 'The server had an error while processing your request. Sorry about that!',
      'server_error',
      'server_error',
    );
  }
  return err(message ?? 'Invalid request.', 'invalid_request_error', null);
}

export function invalidApiKey(token: string | undefined): OpenAIErrorBody {
  if (!token) {
    return err(
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      'invalid_request_error',
      'invalid_api_key',
    );
  }
  // OpenAI echoes only a masked key; never reflect a full secret into logs.
  const masked = token.length > 8 ? `${token.slice(0, 3)}*****${token.slice(-4)}` : '*****';
  return err(
    `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    'invalid_request_error',
    'invalid_api_key',
  );
}

export function invalidUrl(method: string, path: string): OpenAIErrorBody {
  return err(`Invalid URL (${method} ${path})`, 'invalid_request_error', null);
}

export function invalidJson(): OpenAIErrorBody {
  return err(
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
    'invalid_request_error',
    null,
  );
}
