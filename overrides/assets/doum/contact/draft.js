// The contact form's draft in localStorage. The key carries a version: a future form with other
// fields bumps it instead of misreading an old draft.
export const DRAFT_KEY = 'doum:contact-draft:v1'

/** True when the values hold anything the customer would miss. */
export function hasContent(values) {
  return Object.values(values ?? {}).some(
    (value) => value === true || (typeof value === 'string' && value.trim()),
  )
}

/** {values, savedAt} or null. Unknown keys and non-string/boolean values are dropped. */
export function loadDraft(storage, fields) {
  if (!storage) return null
  let saved
  try {
    const raw = storage.getItem(DRAFT_KEY)
    saved = typeof raw === 'string' ? JSON.parse(raw) : null
  } catch {
    return null
  }
  if (!saved || typeof saved !== 'object' || Array.isArray(saved)) return null
  const stored = saved.values
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return null
  const values = {}
  for (const field of fields) {
    // Own keys only: a draft that says "toString" or "__proto__" reads nothing from Object.prototype.
    if (!Object.prototype.hasOwnProperty.call(stored, field)) continue
    const value = stored[field]
    if (typeof value === 'string' || typeof value === 'boolean') values[field] = value
  }
  return hasContent(values) ? { values, savedAt: savedAtOf(saved.savedAt) } : null
}

// A Date holds ±8.64e15 ms; anything before 2000 or after 2200 is not a time this page wrote.
const EARLIEST = Date.UTC(2000, 0, 1)
const LATEST = Date.UTC(2200, 0, 1)

/** A stored time in ms that a Date can format, or 0 ("unknown") for anything else. */
export function savedAtOf(value) {
  const time = typeof value === 'number' ? value : Number.NaN
  return Number.isFinite(time) && time >= EARLIEST && time <= LATEST ? time : 0
}

/** Save, or forget when nothing is left to keep. Returns false when storage refused (quota). */
export function saveDraft(storage, values, now = Date.now()) {
  if (!storage) return false
  try {
    if (hasContent(values)) storage.setItem(DRAFT_KEY, JSON.stringify({ values, savedAt: now }))
    else storage.removeItem(DRAFT_KEY)
    return true
  } catch {
    return false
  }
}

export function clearDraft(storage) {
  try {
    storage?.removeItem(DRAFT_KEY)
  } catch {
    // Nothing to clear where storage is unavailable.
  }
}
