/**
 * Whether bytes are one DER value in the strict sense X.690 sets for lengths: definite lengths in their shortest
 * form, and each constructed value filled exactly by the values inside it. asn1js, which decodes the CMS, is
 * lenient here (a length one byte short or long may still decode), so a damaged length inside an unsigned part of
 * a signature would otherwise pass. Primitive contents are not looked into.
 */

type Walked = { end: number } | { problem: string };

/** One tag-length-value from `at`, inside `[at, limit)`, with every constructed value inside it checked. */
function walkValue(bytes: Uint8Array, at: number, limit: number, depth: number): Walked {
  const start = at;
  if (depth > 64) return { problem: `第 ${at} 字节处嵌套过深` };
  const tag = bytes[at++]!;
  if ((tag & 0x1f) === 0x1f) {
    // High tag number: base-128 digits, the first not 0x80, the last without the top bit.
    if (bytes[at] === 0x80) return { problem: `第 ${start} 字节的标签不是最短形式` };
    while (at < limit && bytes[at]! & 0x80) at++;
    at++;
  }
  if (at >= limit) return { problem: `第 ${start} 字节起的值缺少长度` };
  const first = bytes[at++]!;
  let length = first;
  if (first === 0x80) return { problem: `第 ${at - 1} 字节使用了不定长度` };
  if (first > 0x80) {
    const size = first & 0x7f;
    if (size > 4 || at + size > limit) return { problem: `第 ${at - 1} 字节的长度无效` };
    length = 0;
    for (let i = 0; i < size; i++) length = length * 256 + bytes[at + i]!;
    if (bytes[at] === 0 || length < 0x80) return { problem: `第 ${at - 1} 字节的长度不是最短形式` };
    at += size;
  }
  const end = at + length;
  if (end > limit) return { problem: `第 ${start} 字节起的值超出其所在结构` };
  if (tag & 0x20) {
    for (let inner = at; inner < end; ) {
      const walked = walkValue(bytes, inner, end, depth + 1);
      if ('problem' in walked) return walked;
      inner = walked.end;
    }
  }
  return { end };
}

/** Why the bytes are not exactly one DER value, in Chinese; undefined when they are. */
export function derProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length < 2) return '不是 DER 结构';
  const walked = walkValue(bytes, 0, bytes.length, 0);
  if ('problem' in walked) return walked.problem;
  if (walked.end !== bytes.length) return `DER 结构之后多出 ${bytes.length - walked.end} 字节`;
  return undefined;
}
