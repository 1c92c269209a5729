/** Structured JSON logs (Powertools in Lambda; the same shape, quieter, locally). */
import { Logger } from '@aws-lambda-powertools/logger';
import type { StructuredLogger } from '../http/appDeps';

export function powertoolsLogger(serviceName: string): StructuredLogger & { raw: Logger } {
  const logger = new Logger({ serviceName });
  return {
    raw: logger,
    info: (message, fields) => logger.info(message, fields ?? {}),
    warn: (message, fields) => logger.warn(message, fields ?? {}),
    error: (message, fields) => logger.error(message, fields ?? {}),
  };
}

export function consoleLogger(options: { quiet?: boolean } = {}): StructuredLogger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    if (options.quiet && level === 'INFO') return;
    console.log(JSON.stringify({ level, message, timestamp: new Date().toISOString(), ...fields }));
  };
  return {
    info: (message, fields) => write('INFO', message, fields),
    warn: (message, fields) => write('WARN', message, fields),
    error: (message, fields) => write('ERROR', message, fields),
  };
}

export const silentLogger: StructuredLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
