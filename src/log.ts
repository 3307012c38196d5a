// Logs go to stderr only: in stdio mode stdout carries the MCP protocol.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
  /** One structured event as a JSON line (time, level, then the fields), for log collectors: the audit line of a
   *  tool call. Optional, so that a logger made elsewhere (a test's) need not write JSON. */
  record?(level: LogLevel, fields: Record<string, unknown>): void;
}

// Defence in depth: a JWT, a bearer value or a person's address that slips into a message is masked before it is written.
const SECRET_PATTERNS: [RegExp, string][] = [
  [/eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*/g, '[redacted-jwt]'],
  [/(bearer\s+)[\w\-.~+/]+=*/gi, '$1[redacted]'],
  [/((?:refresh_token|access_token|device_code|code)=)[^&\s]+/gi, '$1[redacted]'],
  // People's addresses (plain or %40-escaped) keep only a first letter and the domain: a***@contoso.com.
  [/\b([\w+-])[\w.+-]*(?:@|%40)([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi, '$1***@$2'],
];

export function redact(text: string): string {
  let out = text;
  for (const [re, rep] of SECRET_PATTERNS) out = out.replace(re, rep);
  return out;
}

export function createLogger(level: LogLevel, write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const min = LOG_LEVELS.indexOf(level);
  const emit = (lvl: LogLevel, msg: string) => {
    if (LOG_LEVELS.indexOf(lvl) < min) return;
    write(`${new Date().toISOString()} ${lvl} ${redact(msg)}\n`);
  };
  return {
    record: (lvl, fields) => {
      if (LOG_LEVELS.indexOf(lvl) < min) return;
      write(`${redact(JSON.stringify({ time: new Date().toISOString(), level: lvl, ...fields }))}\n`);
    },
    debug: (m) => emit('debug', m),
    info: (m) => emit('info', m),
    warn: (m) => emit('warn', m),
    error: (m) => emit('error', m),
  };
}

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
