// STUB (owner: search helper). The one search API for the launcher and the contact page.
// search(query, {limit}) resolves to ranked [{title, location, url, summary, score}]:
// location is root-relative ("account/reset-password/"), url absolute.
export async function search(query, { limit = 5 } = {}) {
  return []
}
