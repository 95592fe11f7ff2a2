/**
 * A certificate's subject as text, each attribute decoded as its ASN.1 type says: UTF8String as UTF-8,
 * BMPString as UTF-16BE, UniversalString as UTF-32BE, T61String (TeletexString) as ISO 8859-1, PrintableString and
 * IA5String as ASCII. The same function serves the command line, the manifest and `verify`, so they agree.
 */
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';

const NAME_TYPES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

/** The text of one attribute value. */
export function attributeText(value: unknown): string {
  const bytes = (v: { valueBlock: { valueHexView: Uint8Array } }) => Buffer.from(v.valueBlock.valueHexView);
  if (value instanceof asn1js.Utf8String) return bytes(value).toString('utf8');
  if (value instanceof asn1js.BmpString) {
    const raw = bytes(value);
    return raw.subarray(0, raw.length - (raw.length % 2)).swap16().toString('utf16le');
  }
  if (value instanceof asn1js.UniversalString) {
    const raw = bytes(value);
    let text = '';
    for (let i = 0; i + 4 <= raw.length; i += 4) {
      const point = raw.readUInt32BE(i);
      // A damaged value may hold a number that is no character: shown as U+FFFD, as UTF-8 decoding does.
      text += point <= 0x10ffff && (point < 0xd800 || point > 0xdfff) ? String.fromCodePoint(point) : '\ufffd';
    }
    return text;
  }
  if (value instanceof asn1js.TeletexString) return bytes(value).toString('latin1');
  const block = (value as { valueBlock?: { value?: unknown; valueHexView?: Uint8Array } }).valueBlock;
  if (typeof block?.value === 'string') return block.value;
  return block?.valueHexView ? Buffer.from(block.valueHexView).toString('latin1') : '';
}

/** "CN=…, O=…, C=…" in the certificate's own order. */
export function subjectText(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues.map((t) => `${NAME_TYPES[t.type] ?? t.type}=${attributeText(t.value)}`).join(', ');
}
