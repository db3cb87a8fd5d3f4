import { quoted } from '@switchboard/protocol';
import { AppError, notFound } from '../../http/errors.js';

/**
 * What the conversation store refuses, as the API says it. Another user's conversation or
 * message is answered exactly like a missing one: the answer never tells that it exists.
 */
export const conversationNotFound = (id: string) => notFound(`conversation ${quoted(id)} not found`, 'conversation_not_found');

export const messageNotFound = (id: string) => notFound(`message ${quoted(id)} not found in this conversation`, 'message_not_found');

export const messageGenerating = () =>
  new AppError(409, 'message_generating', 'an answer in this part of the conversation is still being generated; stop it or wait for it to finish');
