import { test } from 'node:test'
import assert from 'node:assert/strict'

globalThis.window = globalThis.window || {}
const { languageChanged } = await import('../../overrides/assets/doum/shared/language-guard.js')

test('a page of the language the site data was loaded with stays', () => {
  assert.equal(languageChanged({ language: 'en' }, { language: 'en' }), false)
})

test('a page of another language asks for a full load', () => {
  assert.equal(languageChanged({ language: 'ko' }, { language: 'en' }), true)
})

test('pages without a language (doum index, old builds) never reload', () => {
  assert.equal(languageChanged({}, { language: 'en' }), false)
  assert.equal(languageChanged({ language: 'ko' }, {}), false)
})
