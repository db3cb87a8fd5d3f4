// OpenAI-shaped error bodies ({error: {message, type, param, code}}), with the
// type/code pairs api.openai.com uses, so the gateway's error mapping sees real input.

export interface OpenAIError {
  status: number;
  body: { error: { message: string; type: string; param: string | null; code: string | null } };
}

const err = (status: number, message: string, type: string, param: string | null, code: string | null): OpenAIError => ({
  status,
  body: { error: { message, type, param, code } },
});

export function errorForStatus(status: number, message?: string): OpenAIError {
  switch (status) {
    case 401:
      return err(401, message ?? 'Incorrect API key provided.', 'invalid_request_error', null, 'invalid_api_key');
    case 403:
      return err(403, message ?? 'You are not allowed to sample from this model', 'invalid_request_error', null, 'permission_denied');
    case 404:
      return err(404, message ?? 'The model does not exist or you do not have access to it.', 'invalid_request_error', null, 'model_not_found');
    case 429:
      return err(429, message ?? 'Rate limit reached for requests', 'requests', null, 'rate_limit_exceeded');
  }
  if (status >= 500) return err(status, message ?? 'The server had an error while processing your request. Sorry about that!', 'server_error', null, 'server_error');
  return err(status, message ?? 'Invalid request.', 'invalid_request_error', null, null);
}

export function invalidApiKey(token: string | undefined): OpenAIError {
  if (!token) {
    return err(
      401,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      'invalid_request_error',
      null,
      'invalid_api_key',
    );
  }
  // OpenAI echoes only a masked key; never reflect a full secret into logs.
  const masked = token.length > 8 ? `${token.slice(0, 3)}*****${token.slice(-4)}` : '*****';
  return err(401, `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`, 'invalid_request_error', null, 'invalid_api_key');
}

export const missingParameter = (param: string): OpenAIError =>
  err(400, `Missing required parameter: '${param}'.`, 'invalid_request_error', param, 'missing_required_parameter');

export const invalidParameter = (param: string, message: string): OpenAIError => err(400, message, 'invalid_request_error', param, 'invalid_value');

export const invalidUrl = (method: string, path: string): OpenAIError => err(404, `Invalid URL (${method} ${path})`, 'invalid_request_error', null, null);

export const invalidJson = (): OpenAIError =>
  err(400, 'We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.', 'invalid_request_error', null, null);
