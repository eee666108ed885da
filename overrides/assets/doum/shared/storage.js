// The browser's localStorage where the visitor allows it: every doum feature that keeps
// something between visits (contact draft, launcher question, answer votes) goes through here.

const PROBE_KEY = 'doum:probe'

/** window.localStorage, or null where storage is disabled (private modes, blocked cookies). */
export function browserStorage() {
  try {
    const storage = globalThis.localStorage
    storage.setItem(PROBE_KEY, '1')
    storage.removeItem(PROBE_KEY)
    return storage
  } catch {
    return null
  }
}
