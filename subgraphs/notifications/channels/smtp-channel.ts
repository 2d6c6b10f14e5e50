import nodemailer from 'nodemailer';
import type { DeliveryChannel } from './delivery-channel.ts';

export interface SmtpSettings {
  /** smtp:// or smtps:// with credentials, host and port, as nodemailer reads it. */
  url: string;
  from: string;
}

/** E-mail through an SMTP server, via nodemailer. */
export function createSmtpChannel({ url, from }: SmtpSettings): DeliveryChannel {
  const transport = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send({ to, subject, text }) {
      await transport.sendMail({ from, to, subject, text });
    },
    close: () => transport.close(),
  };
}
