// The optional direct route (`contact: endpoint:`): the checklist posted to the owner's own
// receiver as text/plain JSON (a simple request: no CORS preflight, so an Apps Script web app
// or a Cloudflare Worker can take it). Pure functions here; contact.js does the fetch.
import { FIELDS, needsPayment, PAYMENT_FIELDS } from './inquiry.js'

const RECEIPT_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ' // no 0/O, 1/I: read over the phone

/** "D-20261202-7K3Q9X": the date in Korea and six random characters. */
export function receiptNumber(now = Date.now(), random = (n) => crypto.getRandomValues(new Uint8Array(n))) {
  const day = new Date(now + 9 * 3600 * 1000).toISOString().slice(0, 10).replace(/-/g, '')
  const tail = Array.from(random(6), (byte) => RECEIPT_ALPHABET[byte % RECEIPT_ALPHABET.length]).join('')
  return `D-${day}-${tail}`
}

/** What the receiver gets: the fields as typed (only those that apply), the mail text, consent. */
export function payloadOf({ values, contact, inquiry, receipt, now = Date.now(), to = '' }) {
  const fields = {}
  const paid = needsPayment(values, contact)
  for (const key of [...FIELDS, 'from']) {
    if (!paid && PAYMENT_FIELDS.includes(key)) continue
    const value = values[key]
    if (typeof value === 'boolean') fields[key] = value
    else if (typeof value === 'string' && value.trim()) fields[key] = value
  }
  const at = new Date(now).toISOString()
  return {
    kind: 'doum.contact',
    version: 1,
    receipt,
    sentAt: at,
    to,
    subject: inquiry.subject,
    text: inquiry.body,
    fields,
    consent: {
      agreed: true,
      at,
      items: contact.consent?.items ?? [],
      purpose: contact.consent?.purpose ?? '',
      retention: contact.consent?.retention ?? '',
    },
  }
}

/**
 * The receiver's answer: {ok, receipt}. A 2xx is OK unless its JSON says {"ok": false}; a
 * receipt it returns (letters, digits, dashes) replaces the page's own.
 */
export function readAnswer(status, text, receipt) {
  if (!(status >= 200 && status < 300)) return { ok: false, receipt }
  let answer = null
  try {
    answer = JSON.parse(text)
  } catch {
    answer = null
  }
  if (answer && typeof answer === 'object' && answer.ok === false) return { ok: false, receipt }
  const theirs =
    answer && typeof answer.receipt === 'string' && /^[A-Za-z0-9-]{1,40}$/.test(answer.receipt)
      ? answer.receipt
      : ''
  return { ok: true, receipt: theirs || receipt }
}
