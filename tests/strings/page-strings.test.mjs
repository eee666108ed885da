// shared/strings.js on a page: the shared words come from the site data, a page's own (the contact
// form's, src/doum/site/strings.py PAGE_OWN_STRINGS) from its page data, which instant navigation
// swaps: another page without them reads the key, as for any missing word.
import { test } from 'node:test'
import assert from 'node:assert/strict'

const elements = {
  'doum-site': { textContent: JSON.stringify({ strings: { launcher: { open: '상담 열기' } } }) },
  'doum-page': { textContent: JSON.stringify({ strings: { contact: { send: '메일 쓰기' } } }) },
}
globalThis.document = { getElementById: (id) => elements[id] ?? null }
// A copy of strings.js of its own: `make test-js` gives the shared one the whole catalog
// (catalog.mjs, useStrings), which no page does.
const { t } = await import(
  `${new URL('../../overrides/assets/doum/shared/strings.js', import.meta.url)}?page`
)

test("a page's own words come with it, the shared ones with the site", () => {
  assert.equal(t('launcher.open'), '상담 열기')
  assert.equal(t('contact.send'), '메일 쓰기')
})

test('a page brought by instant navigation carries its own words, or none', () => {
  const warn = console.warn
  console.warn = () => {}
  try {
    elements['doum-page'] = { textContent: JSON.stringify({ url: 'account/' }) }
    assert.equal(t('contact.send'), 'contact.send')
    elements['doum-page'] = { textContent: JSON.stringify({ strings: { contact: { send: '보내기' } } }) }
    assert.equal(t('contact.send'), '보내기')
    assert.equal(t('launcher.open'), '상담 열기')
  } finally {
    console.warn = warn
  }
})
