// mailto: URLs per RFC 6068. Pure functions: no DOM, testable in node.
//
// Everything a customer types goes through encodeURIComponent, which percent-encodes UTF-8 and
// every character that could end a header value or start a new one (& ? # % = + and spaces).
// What is left to do by hand is what RFC 6068 asks beyond that: line breaks in a body are CRLF
// (%0D%0A), a subject has no line breaks at all, and no control characters or lone surrogates
// (encodeURIComponent throws on those) survive.

export const CRLF = '\r\n'

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
// Every kind of line break a browser or a paste can produce, including NEL and the Unicode separators.
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g
// C0/C1 controls and DEL, except tab (kept in bodies); line breaks are handled before this runs.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g

function wellFormed(text) {
  return String(text ?? '').replace(LONE_SURROGATE, '\uFFFD')
}

/** One line for a header such as Subject: breaks and controls become spaces, runs collapse. */
export function headerText(text) {
  return wellFormed(text)
    .replace(LINE_BREAK, ' ')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '')
    .replace(/ {2,}/g, ' ')
    .trim()
}

/** Body text with every line break as CRLF and no control characters but tabs. */
export function bodyText(text) {
  return wellFormed(text).replace(LINE_BREAK, '\n').replace(CONTROL, '').split('\n').join(CRLF)
}

/** Percent-encode one header value (RFC 6068 hfvalue): UTF-8, nothing left that is a delimiter. */
export function encodeValue(text) {
  // encodeURIComponent leaves only A-Z a-z 0-9 - _ . ! ~ * ' ( ) bare, all allowed in a qchar.
  return encodeURIComponent(text)
}

/** The addr-spec part: encoded like a value, but the single @ stays readable. */
export function encodeAddress(address) {
  return encodeValue(headerText(address)).replace(/%40/g, '@')
}

/** mailto:<to>?subject=…&body=… with subject on one line and the body in CRLF lines. */
export function buildMailto({ to, subject = '', body = '' }) {
  const fields = []
  const cleanSubject = headerText(subject)
  if (cleanSubject) fields.push(`subject=${encodeValue(cleanSubject)}`)
  const cleanBody = bodyText(body)
  if (cleanBody) fields.push(`body=${encodeValue(cleanBody)}`)
  return `mailto:${encodeAddress(to)}${fields.length ? `?${fields.join('&')}` : ''}`
}

/** Cut text to at most `max` code points without splitting an emoji's surrogate pair. */
export function cutText(text, max) {
  const points = Array.from(text)
  return points.length <= max ? text : `${points.slice(0, Math.max(0, max - 1)).join('')}…`
}

/** Characters `text` takes in a mailto: body once CRLF-normalised and percent-encoded. */
export function encodedLength(text) {
  return encodeValue(bodyText(text)).length
}

/**
 * The longest start of `text`, in whole code points, whose encoded body length is at most
 * `budget`: a cut never falls inside a syllable's %XX%XX%XX or an emoji's surrogate pair.
 */
export function fitEncoded(text, budget) {
  const points = Array.from(bodyText(text).split(CRLF).join('\n'))
  let used = 0
  let count = 0
  for (const point of points) {
    const cost = point === '\n' ? 6 : encodeValue(point).length
    if (used + cost > budget) break
    used += cost
    count += 1
  }
  return points.slice(0, count).join('')
}

/** A subject cut (with …) until the link built around it is at most `limit` long. */
function fitSubject(subject, limit, linkOf) {
  let cut = headerText(subject)
  let href = linkOf(cut)
  if (href.length <= limit) return href
  const over = href.length - limit
  const room = Math.max(0, encodeValue(cut).length - over - encodeValue('…').length)
  cut = `${fitEncoded(cut, room).trimEnd()}…`
  href = linkOf(cut)
  return href.length <= limit ? href : linkOf('')
}

/**
 * The inquiry as a link that fits mail apps' URL limits.
 *
 * Returns {href, fits}: when the full URL would be longer than `limit`, `href` carries
 * `shortBody` and `fits` is false. A subject that alone would pass the limit is shortened
 * (whole code points, never a broken %-sequence) until the link fits.
 */
export function composeMailto({ to, subject, body, shortBody, limit }) {
  const full = buildMailto({ to, subject, body })
  if (full.length <= limit) return { href: full, fits: true }
  const href = fitSubject(subject, limit, (cut) => buildMailto({ to, subject: cut, body: shortBody }))
  return { href, fits: false }
}
