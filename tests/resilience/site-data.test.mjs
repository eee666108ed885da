// shared/site.js: one error policy for #doum-site and #doum-page (missing, invalid or oddly
// shaped JSON reads as the documented default, never throws) and the contact links.
import { test } from 'node:test'
import assert from 'node:assert/strict'

const MODULE = new URL('../../overrides/assets/doum/shared/site.js', import.meta.url)
const ROOT = new URL('../../overrides/', import.meta.url).href
let loads = 0

/** A fresh copy of site.js (its site data is read once per load) over a page holding `json`. */
async function siteWith(json) {
  const elements = {}
  for (const [id, text] of Object.entries(json)) elements[id] = { textContent: text }
  globalThis.document = { getElementById: (id) => elements[id] ?? null }
  const site = await import(`${MODULE.href}?load=${++loads}`)
  return { site, elements }
}

const DEFAULT_SITE = { support: {}, contact: { url: 'contact/' }, search: { popular_keywords: [] } }

for (const [name, text] of [
  ['missing', undefined],
  ['invalid', '{"support": '],
  ['a number', '1e300'],
  ['a list', '[]'],
  ['a string', '"toString"'],
  ['null', 'null'],
]) {
  test(`#doum-site ${name} reads as the default`, async () => {
    const { site } = await siteWith(text === undefined ? {} : { 'doum-site': text })
    assert.deepEqual(site.siteData(), DEFAULT_SITE)
    assert.deepEqual(site.pageData(), {})
    assert.equal(site.contactUrl(), ROOT + 'contact/')
  })
}

test('parts of the wrong shape are replaced, the rest kept', async () => {
  const { site } = await siteWith({
    'doum-site': JSON.stringify({
      support: 'x',
      contact: { url: 7, services: ['카카오톡'] },
      search: { popular_keywords: ['탈퇴', {}, 3] },
    }),
  })
  const data = site.siteData()
  assert.deepEqual(data.support, {})
  assert.deepEqual(data.contact, { url: 'contact/', services: ['카카오톡'] })
  assert.deepEqual(data.search.popular_keywords, ['탈퇴'])
})

test('the contact URL comes from the site data (use_directory_urls: false)', async () => {
  const { site } = await siteWith({ 'doum-site': JSON.stringify({ contact: { url: 'contact.html' } }) })
  assert.equal(site.contactUrl(), ROOT + 'contact.html')
  assert.equal(
    site.prefillLink({ service: '이모티콘', type: '결제/환불', q: '  환불 & 취소  ', from: 'paid/a.html' }),
    ROOT +
      'contact.html?service=%EC%9D%B4%EB%AA%A8%ED%8B%B0%EC%BD%98&type=%EA%B2%B0%EC%A0%9C%2F%ED%99%98%EB%B6%88' +
      '&q=%ED%99%98%EB%B6%88+%26+%EC%B7%A8%EC%86%8C&from=paid%2Fa.html',
  )
})

test('prefillLink leaves out empty and non-text values, and ignores unknown keys', async () => {
  const { site } = await siteWith({})
  assert.equal(
    site.prefillLink({ service: '', type: ' ', q: { toString: () => 'x' }, from: 3, evil: 'y' }),
    ROOT + 'contact/',
  )
  assert.equal(site.prefillLink(null), ROOT + 'contact/')
  assert.equal(site.prefillLink(), ROOT + 'contact/')
})

test('#doum-page is re-read when instant navigation brings a new element', async () => {
  const { site, elements } = await siteWith({ 'doum-page': JSON.stringify({ url: 'a/' }) })
  assert.equal(site.pageData().url, 'a/')
  elements['doum-page'] = { textContent: '{"url": "b/"}' }
  assert.equal(site.pageData().url, 'b/')
  elements['doum-page'] = { textContent: '["not", "an", "object"]' }
  assert.deepEqual(site.pageData(), {})
})
