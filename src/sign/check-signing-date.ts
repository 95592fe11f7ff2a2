/**
 * The signing date that will be printed and stored (SOURCE_DATE_EPOCH or `document.signed_on`) is only a claim:
 * the certificate is checked at the real time when the PKCS#12 is read. This check keeps the claim honest too:
 * it must fall within the certificate's validity and not before the report's 成文日期 (`issued`).
 */
import type { PreparedReport } from '../pipeline/prepare-report.js';
import { errorFinding, EXIT, ReportError, type SourcePosition } from '../report-error/finding.js';
import type { SigningIdentity } from './p12.js';

/** The calendar date in Beijing time, YYYY-MM-DD. */
export const beijingDate = (when: Date) => new Date(when.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export function checkSigningDate(prepared: PreparedReport, when: Date, identity: SigningIdentity): void {
  const data = prepared.source.toJS() as { issued?: unknown; document?: { signed_on?: unknown } };
  const fromData = Boolean(data.document?.signed_on) && !process.env.SOURCE_DATE_EPOCH;
  const at: SourcePosition | undefined = fromData ? prepared.source.positionOf(['document', 'signed_on']) : undefined;
  const source = fromData ? '签章日期 document.signed_on' : process.env.SOURCE_DATE_EPOCH ? '签章时间 SOURCE_DATE_EPOCH' : '签章时间';
  const fail = (message: string): never => {
    throw new ReportError([errorFinding('SIGN', message, at)], EXIT.findings);
  };
  const issued = typeof data.issued === 'string' ? data.issued : undefined;
  if (issued && beijingDate(when) < issued) fail(`${source}（${beijingDate(when)}）早于成文日期 ${issued}；签章不能早于成文`);
  if (when < identity.notBefore) fail(`${source}（${when.toISOString()}）早于签章证书的生效时间 ${identity.notBefore.toISOString()}；不能倒签`);
  if (when > identity.notAfter) fail(`${source}（${when.toISOString()}）晚于签章证书的到期时间 ${identity.notAfter.toISOString()}`);
}
