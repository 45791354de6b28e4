import { createTransport } from 'nodemailer';
import { SmtpSandboxProcess, startSmtpSandboxProcess } from '../src';

describe('the SMTP sandbox, a real SMTP server process', () => {
  let sandbox: SmtpSandboxProcess;

  beforeAll(async () => {
    sandbox = await startSmtpSandboxProcess();
  });

  afterAll(() => sandbox?.stop());

  beforeEach(() => sandbox.clear());

  const send = (subject: string) =>
    createTransport(sandbox.smtpUrl).sendMail({
      from: 'Alerts <alerts@example.com>',
      to: ['ada@example.com', 'Grace <grace@example.com>'],
      subject,
      text: 'plain body',
      html: '<p>html body</p>',
    });

  it('keeps each message it receives, envelope, headers and both bodies, and shows them over HTTP', async () => {
    await send('Zoom sync run failed');

    const [message] = await sandbox.messages();
    expect(message).toMatchObject({
      envelopeFrom: 'alerts@example.com',
      envelopeTo: ['ada@example.com', 'grace@example.com'],
      from: '"Alerts" <alerts@example.com>',
      to: ['ada@example.com', 'grace@example.com'],
      subject: 'Zoom sync run failed',
      text: 'plain body',
      html: '<p>html body</p>',
    });
  });

  it('refuses the next messages with 451 when told to, then accepts again', async () => {
    await sandbox.rejectNext(1);

    await expect(send('refused')).rejects.toMatchObject({ responseCode: 451 });
    await send('accepted');

    expect((await sandbox.messages()).map((message) => message.subject)).toEqual(['accepted']);
  });
});
