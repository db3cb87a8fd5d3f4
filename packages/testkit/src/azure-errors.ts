// Error bodies of Azure OpenAI. Azure's own front door (keys, routing, quotas)
// answers `{error:{code:"<status>", message}}` with the status as a string;
// request validation errors pass through from the OpenAI service in OpenAI's shape.
import { errorForStatus } from './openai-errors.js';

export interface AzureErrorBody {
  error: { code: string; message: string };
}

function azure(status: number, message: string): AzureErrorBody {
  return { error: { code: String(status), message } };
}

export function azureErrorForStatus(status: number, message?: string): unknown {
  switch (status) {
    case 401:
      return azure(401, message ?? AZURE_INVALID_KEY);
    case 404:
      return azure(404, message ?? 'Resource not found');
    case 429:
      return azure(
        429,
        message ??
          'Requests to the ChatCompletions_Create Operation under Azure OpenAI API have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 1 second.',
      );
  }
  if (status >= 500) return azure(status, message ?? 'The server had an error while processing your request. Sorry about that!');
  return errorForStatus(status, message);
}

const AZURE_INVALID_KEY =
  'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.';

const AZURE_MISSING_KEY =
  'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.';

/** Azure answers a deployments URL without api-version as an unknown resource, not a 400. */
export function azureNotFound(): AzureErrorBody {
  return azure(404, 'Resource not found');
}

export function azureAuthError(missing: boolean): AzureErrorBody {
  return azure(401, missing ? AZURE_MISSING_KEY : AZURE_INVALID_KEY);
}
