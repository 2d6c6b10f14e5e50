import { createServer, type Socket } from 'node:net';
import { createInterface } from 'node:readline';

/** A message the server accepted (answered 250 at the end of its DATA). */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string | undefined;
  /** When the server answered 250: the moment the mail provider has the message. */
  acceptedAt: number;
}

/** A message held at the end of its DATA, unanswered, as a slow mail server would. */
export interface HeldMail {
  /** Resolves once the message has arrived and is waiting for an answer (the sender is mid-send). */
  readonly arrived: Promise<void>;
  /** Answers it now: 250 if its sender is still connected; a sender that went away never sent it. */
  release(): void;
}

export interface FakeSmtpServer {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  /** Every accepted message, oldest first. */
  readonly messages: readonly ReceivedMail[];
  /** Answers the next `count` messages with `reply` instead of accepting them. */
  failNext(count: number, reply?: string): void;
  /** Holds the next message unanswered until `release` (a send in progress, for as long as a test needs). */
  holdNext(): HeldMail;
  close(): Promise<void>;
}

interface Envelope {
  from: string;
  to: string[];
  lines: string[];
}

const subjectOf = (lines: readonly string[]) => {
  const header = lines.slice(0, lines.indexOf('')).find((line) => /^subject:/i.test(line));
  return header?.replace(/^subject:\s*/i, '');
};

/**
 * Just enough of an SMTP server (RFC 5321 without extensions: no STARTTLS, no AUTH, so
 * nodemailer speaks plain SMTP to it) for tests of the e-mail channel: it keeps what it accepts,
 * with the time, and can refuse or hold messages on demand. Listens on a free loopback port.
 */
export async function startFakeSmtpServer(): Promise<FakeSmtpServer> {
  const messages: ReceivedMail[] = [];
  const sockets = new Set<Socket>();
  let failures = 0;
  let failureReply = '451 4.3.0 try again later';
  const holds: { arrive: () => void; released: Promise<void> }[] = [];

  const session = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const reply = (line: string) => {
      if (!socket.destroyed) socket.write(`${line}\r\n`);
    };
    let envelope: Envelope | undefined;
    let inData = false;
    const endOfData = async (mail: Envelope) => {
      const hold = holds.shift();
      if (hold) {
        hold.arrive();
        await hold.released;
      }
      if (socket.destroyed) return;
      if (failures > 0) {
        failures -= 1;
        reply(failureReply);
        return;
      }
      messages.push({ from: mail.from, to: mail.to, subject: subjectOf(mail.lines), acceptedAt: Date.now() });
      reply('250 2.0.0 queued');
    };
    reply('220 fake-smtp ready');
    createInterface({ input: socket, crlfDelay: Infinity }).on('line', (line) => {
      if (inData) {
        if (line === '.') {
          inData = false;
          const mail = envelope!;
          envelope = undefined;
          void endOfData(mail);
        } else {
          // Dot-stuffing: a line of the message that starts with a dot is sent with two.
          envelope!.lines.push(line.startsWith('..') ? line.slice(1) : line);
        }
        return;
      }
      const [verb = '', ...rest] = line.split(' ');
      const argument = rest.join(' ');
      switch (verb.toUpperCase()) {
        case 'EHLO':
        case 'HELO':
          return reply('250 fake-smtp');
        case 'MAIL':
          envelope = { from: argument.replace(/^FROM:\s*<?|>.*$/gi, ''), to: [], lines: [] };
          return reply('250 2.1.0 ok');
        case 'RCPT':
          if (!envelope) return reply('503 5.5.1 MAIL first');
          envelope.to.push(argument.replace(/^TO:\s*<?|>.*$/gi, ''));
          return reply('250 2.1.5 ok');
        case 'DATA':
          if (!envelope?.to.length) return reply('503 5.5.1 RCPT first');
          inData = true;
          return reply('354 end data with <CR><LF>.<CR><LF>');
        case 'RSET':
          envelope = undefined;
          return reply('250 2.0.0 ok');
        case 'NOOP':
          return reply('250 2.0.0 ok');
        case 'QUIT':
          reply('221 2.0.0 bye');
          socket.end();
          return;
        default:
          return reply('502 5.5.2 command not implemented');
      }
    });
  };

  const server = createServer(session);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    failNext(count, reply) {
      failures = count;
      if (reply) failureReply = reply;
    },
    holdNext() {
      let arrive!: () => void;
      let release!: () => void;
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      holds.push({ arrive, released });
      return { arrived, release };
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
