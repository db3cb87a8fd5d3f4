// The chat's markdown renderer: what the thread renders messages and reasoning with.
export { Markdown } from './markdown';
export { ReasoningBlock } from './reasoning-block';
