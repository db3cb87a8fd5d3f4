import { useCapabilities } from '@/features/chat/settings/use-market';

/** Whether a model reads images: what the server knows of it (P-7), else yes (an unknown model is given the benefit of the doubt). */
export function useReadsImages(model: string): boolean {
  return useCapabilities(true).data?.get(model)?.vision ?? true;
}
