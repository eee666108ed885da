// The browser half of the Korean pipeline against the fixtures tests/search/test_korean.py also checks.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'

const require = createRequire(import.meta.url)
const korean = require('../../overrides/assets/doum/search/korean.js')
// The tables the index payload carries to the browser, read here from their one file.
korean.configure(
  JSON.parse(readFileSync(new URL('../../src/doum/search/korean.ko.json', import.meta.url), 'utf8')),
)
const fixture = (name) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'))
const CASES = fixture('pipeline.json')
const CORPUS = fixture('corpus-tokens.json')

const FUNCTIONS = {
  normalize: korean.normalize,
  words: korean.words,
  stem: korean.stem,
  tokens: korean.tokens,
  chosung: korean.chosung,
  is_chosung_word: korean.isChosungWord,
  decompose: korean.decompose,
  compose: korean.compose,
  from_qwerty: korean.fromQwerty,
  jamo_distance: ([a, b]) => korean.jamoDistance(a, b),
}

for (const [name, cases] of Object.entries(CASES)) {
  if (name.startsWith('_')) continue
  test(`pipeline fixture: ${name}`, () => {
    assert.ok(FUNCTIONS[name], `no JS function for fixture ${name}`)
    for (const [given, expected] of cases)
      assert.deepEqual(FUNCTIONS[name](given), expected, JSON.stringify(given))
  })
}

test('corpus sentences cut into the same terms as in Python', () => {
  for (const [text, expected] of CORPUS.cases) assert.deepEqual(korean.tokens(text), expected, text)
})

test('hostile input never throws', () => {
  for (const text of [
    '',
    ' ',
    'a'.repeat(5000),
    '<script>alert(1)</script>',
    '\u0000\uffff\ud800',
    '+-~^:*',
  ]) {
    assert.ok(Array.isArray(korean.tokens(text)))
  }
})

test('Shift in English mode types the doubled consonants, as korean.py does', () => {
  assert.deepEqual(korean.typedWords('flqb Tmrl'), ['flqb', 'Tmrl'])
  assert.equal(korean.fromQwerty('Tmrl'), '쓰기')
  assert.equal(korean.fromQwerty('tmrl'), '스기')
  assert.deepEqual(korean.typedWords('ＡＢ 탈퇴'), ['AB', '탈퇴'])
})
