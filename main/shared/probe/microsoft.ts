/**
 * Host names of Microsoft 365 mail endpoints. Used to recognise Exchange Online before a greeting is seen and to
 * judge whether a certificate chain is one Microsoft would serve.
 */

export const EXCHANGE_ONLINE_IMAP = { host: 'outlook.office365.com', port: 993, security: 'tls' } as const;

const MICROSOFT_MAIL_HOST =
  /(^|\.)(office365\.com|outlook\.com|office\.com|microsoft\.com|outlook\.de|office365\.us)$/i;

export const isMicrosoftHost = (host: string): boolean => MICROSOFT_MAIL_HOST.test(host.replace(/\.$/, ''));

/** MX targets of Exchange Online Protection: `<tenant>.mail.protection.outlook.com` (and the sovereign clouds). */
export const isMicrosoftMx = (exchange: string): boolean =>
  /\.mail\.protection\.(outlook\.com|outlook\.de|office365\.us)\.?$/i.test(exchange);
