// The contact form's draft in localStorage. The key carries a version: a future form with other
// fields bumps it instead of misreading an old draft.
export const DRAFT_KEY = 'doum:contact-draft:v1'


/** True when the values hold anything the customer would miss. */
export function hasContent(values) {
  return Object.values(values ?? {}).some((value) => value === true || (typeof value === 'string' && value.trim()))
}

/** {values, savedAt} or null. Unknown keys and non-string/boolean values are dropped. */
export function loadDraft(storage, fields) {
  if (!storage) return null
  let saved
  try {
    saved = JSON.parse(storage.getItem(DRAFT_KEY) ?? 'null')
  } catch {
    return null
  }
  if (!saved || typeof saved !== 'object' || typeof saved.values !== 'object' || !saved.values) return null
  const values = {}
  for (const field of fields) {
    const value = saved.values[field]
    if (typeof value === 'string' || typeof value === 'boolean') values[field] = value
  }
  return hasContent(values) ? { values, savedAt: Number(saved.savedAt) || 0 } : null
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
