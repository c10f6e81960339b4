/**
 * A minimal XML reader for CCSDS NDM/OMM files that keeps offsets. fast-xml-parser (installed)
 * was considered: its parse result carries no line or column for elements or values, only its
 * validator reports a location, and only for the first error; orbwatch must point every issue
 * (a mistyped MEAN_MOTION in record 900 of an `<ndm>`) at its line and column. The OMM XML
 * structure is simple (elements, attributes, text, comments, a prolog), so this reader handles
 * exactly that: elements with attributes, text with the five predefined and numeric character
 * references, CDATA, comments, processing instructions and a DOCTYPE (skipped, not expanded).
 * Well-formedness errors (mismatched or unclosed tags, bad references) stop the reading and are
 * reported with their offset; elements closed before the error are kept.
 * @module
 */

/** One element: local name (prefix dropped), attributes, element children and direct text. */
export interface XmlElement {
  readonly name: string;
  /** Offset of `<` of the start tag. */
  readonly start: number;
  /** Offset just past the end tag (or `/>`). */
  end: number;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: XmlElement[];
  /** Concatenated direct text content, references decoded. */
  text: string;
  /** Offset of the first non-blank character of the direct text, or -1 when blank. */
  textStart: number;
}

/** What was read: elements closed before any error, in document order of their closing, and the error. */
export interface XmlReadResult {
  /** Every element that was closed, by local name, in closing order. */
  readonly closed: readonly XmlElement[];
  readonly error: { readonly offset: number; readonly expected: string; readonly message: string } | null;
}

const NAME_RE = /[A-Za-z_][\w.:-]*/y;
const ATTR_RE = /\s+([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Internal: unwinds the reader on a well-formedness error; never escapes this module. */
class XmlStop extends Error {
  readonly offset: number;
  readonly expected: string;
  constructor(offset: number, expected: string, message: string) {
    super(message);
    this.offset = offset;
    this.expected = expected;
  }
}

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i === -1 ? qname : qname.slice(i + 1);
}

function decode(text: string, base: number): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&\s]*);?/g, (whole, ref: string, at: number) => {
    if (!whole.endsWith(';'))
      throw new XmlStop(base + at, 'a reference ending in ";"', 'unterminated character reference');
    const named = ENTITIES[ref];
    if (named !== undefined) return named;
    const m = /^#(?:x([0-9a-fA-F]{1,6})|(\d{1,7}))$/.exec(ref);
    const code = m === null ? NaN : m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
    if (!(code > 0 && code <= 0x10ffff))
      throw new XmlStop(base + at, '&lt; &gt; &amp; &quot; &apos; or &#N;', `unknown reference ${whole}`);
    return String.fromCodePoint(code);
  });
}

/** Reads the elements of an XML text. Never throws on bad input. */
export function readXmlElements(text: string): XmlReadResult {
  const closed: XmlElement[] = [];
  const stack: XmlElement[] = [];
  const qnames: string[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const addText = (s: string, at: number): void => {
    const top = stack[stack.length - 1];
    const lead = s.length - s.trimStart().length;
    if (top === undefined) {
      if (s.trim() !== '') throw new XmlStop(at + lead, 'an element', 'text outside the root element');
      return;
    }
    if (top.textStart === -1 && s.trim() !== '') top.textStart = at + lead;
    top.text += s;
  };
  try {
    while (pos < text.length) {
      const lt = text.indexOf('<', pos);
      if (lt === -1) {
        addText(decode(text.slice(pos), pos), pos);
        break;
      }
      if (lt > pos) addText(decode(text.slice(pos, lt), pos), pos);
      pos = lt;
      if (text.startsWith('<!--', pos)) {
        const e = text.indexOf('-->', pos + 4);
        if (e === -1) throw new XmlStop(pos, '-->', 'unterminated comment');
        pos = e + 3;
      } else if (text.startsWith('<![CDATA[', pos)) {
        const e = text.indexOf(']]>', pos + 9);
        if (e === -1) throw new XmlStop(pos, ']]>', 'unterminated CDATA section');
        addText(text.slice(pos + 9, e), pos + 9);
        pos = e + 3;
      } else if (text.startsWith('<?', pos)) {
        const e = text.indexOf('?>', pos + 2);
        if (e === -1) throw new XmlStop(pos, '?>', 'unterminated processing instruction');
        pos = e + 2;
      } else if (text.startsWith('<!', pos)) {
        const e = text.indexOf('>', pos + 2);
        if (e === -1 || stack.length > 0) throw new XmlStop(pos, 'an element', 'unexpected markup declaration');
        pos = e + 1;
      } else if (text.startsWith('</', pos)) {
        NAME_RE.lastIndex = pos + 2;
        const m = NAME_RE.exec(text);
        const open = qnames[qnames.length - 1];
        if (m === null || open === undefined || m[0] !== open) {
          throw new XmlStop(
            pos,
            open === undefined ? 'no end tag here' : `</${open}>`,
            `end tag ${m === null ? '' : `</${m[0]}> `}does not match ${open === undefined ? 'any open element' : `<${open}>`}`,
          );
        }
        let e = pos + 2 + m[0].length;
        while (/\s/.test(text[e] ?? '')) e++;
        if (text[e] !== '>') throw new XmlStop(e, '">"', 'malformed end tag');
        pos = e + 1;
        const el = stack.pop();
        qnames.pop();
        if (el !== undefined) {
          el.end = pos;
          closed.push(el);
        }
      } else {
        NAME_RE.lastIndex = pos + 1;
        const m = NAME_RE.exec(text);
        if (m === null) throw new XmlStop(pos, 'an element name after "<"', 'malformed start tag');
        let e = pos + 1 + m[0].length;
        const attributes = new Map<string, string>();
        for (;;) {
          ATTR_RE.lastIndex = e;
          const a = ATTR_RE.exec(text);
          if (a === null) break;
          attributes.set(localName(a[1] ?? ''), decode(a[2] ?? a[3] ?? '', e));
          e += a[0].length;
        }
        while (/\s/.test(text[e] ?? '')) e++;
        const el: XmlElement = {
          name: localName(m[0]),
          start: pos,
          end: -1,
          attributes,
          children: [],
          text: '',
          textStart: -1,
        };
        stack[stack.length - 1]?.children.push(el);
        if (text.startsWith('/>', e)) {
          pos = e + 2;
          el.end = pos;
          closed.push(el);
        } else if (text[e] === '>') {
          pos = e + 1;
          stack.push(el);
          qnames.push(m[0]);
        } else {
          throw new XmlStop(e, '">", "/>" or an attribute name="value"', 'malformed start tag');
        }
      }
    }
    const open = qnames[qnames.length - 1];
    if (open !== undefined) {
      const top = stack[stack.length - 1];
      return {
        closed,
        error: {
          offset: top?.start ?? text.length,
          expected: `</${open}>`,
          message: `element <${open}> is never closed`,
        },
      };
    }
    return { closed, error: null };
  } catch (e) {
    if (!(e instanceof XmlStop)) throw e;
    return { closed, error: { offset: e.offset, expected: e.expected, message: e.message } };
  }
}
