import { describe, expect, it } from 'vitest';
import { ConfigError } from '#lib/config';
import { loadNotificationsConfig } from './config.ts';

describe('notifications config', () => {
  it('captures messages in development and tests unless told otherwise', () => {
    expect(loadNotificationsConfig({ NODE_ENV: 'test' }).delivery).toEqual({ kind: 'capture' });
    expect(loadNotificationsConfig({}).delivery).toEqual({ kind: 'capture' });
  });

  it('sends through SMTP when asked, and refuses to start without an SMTP_URL', () => {
    const smtp = loadNotificationsConfig({ NOTIFICATIONS_CHANNEL: 'smtp', SMTP_URL: 'smtp://mail.example.com:587' });
    expect(smtp.delivery).toMatchObject({ kind: 'smtp', url: 'smtp://mail.example.com:587' });
    expect(() => loadNotificationsConfig({ NOTIFICATIONS_CHANNEL: 'smtp' })).toThrow(ConfigError);
    expect(() => loadNotificationsConfig({ NOTIFICATIONS_CHANNEL: 'pigeon' })).toThrow(ConfigError);
  });
});
