// One logger for the whole extension. Secrets never reach a log: every structured value passes
// through `redact`, which blanks any field whose name looks like a credential.
const SECRET_FIELD = /secret|token|password|passwd|partnerkey|appkey|consumerkey|authorization|credential|sign$|^sign|cookie|^key$|^code$/i;

/** Query parameters that carry secrets (access_token, sign, consumer_secret, oauth_signature...). */
export function redactUrl(url: string): string {
  return url.replace(/([?&])([^=&#]+)=([^&#]*)/g, (all, sep: string, key: string) => (SECRET_FIELD.test(decodeURIComponent(key).replace(/[_-]/g, '')) || /sign|token|secret|key|password/i.test(key) ? `${sep}${key}=[redacted]` : all));
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    if (value instanceof Error) return { name: value.name, message: value.message };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_FIELD.test(k) ? '[redacted]' : redact(v, depth + 1);
    }
    return out;
  }
  if (typeof value === 'string') {
    const text = /^https?:\/\//.test(value) ? redactUrl(value) : value;
    return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  }
  return value;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

let threshold: LogLevel = 'info';
type Sink = (level: LogLevel, scope: string, message: string, data?: unknown) => void;
const consoleSink: Sink = (level, scope, message, data) => {
  const line = `[shelfsync:${scope}] ${message}`;
  const fn = level === 'debug' ? console.debug : level === 'info' ? console.info : level === 'warn' ? console.warn : console.error;
  if (data === undefined) fn(line);
  else fn(line, data);
};
let sink: Sink = consoleSink;

export function setLogLevel(level: LogLevel): void {
  threshold = level;
}

/** Tests capture log output to prove no secret is ever written. */
export function setLogSink(next: Sink | null): void {
  sink = next ?? consoleSink;
}

export function logger(scope: string) {
  const emit = (level: LogLevel, message: string, data?: unknown) => {
    if (ORDER[level] < ORDER[threshold]) return;
    // URLs in the sentence itself lose their secret parameters too.
    sink(level, scope, message.replace(/https?:\/\/[^\s]+/g, (u) => redactUrl(u)), data === undefined ? undefined : redact(data));
  };
  return {
    debug: (m: string, d?: unknown) => emit('debug', m, d),
    info: (m: string, d?: unknown) => emit('info', m, d),
    warn: (m: string, d?: unknown) => emit('warn', m, d),
    error: (m: string, d?: unknown) => emit('error', m, d),
  };
}
