export { loadConfig, ConfigError, type Config } from './config.js';
export { startServer, type RunningServer, type StartOptions } from './server.js';
