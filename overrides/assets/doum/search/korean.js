/* doum's Korean text pipeline for the browser: src/doum/search/korean.py, function for function.
 * tests/search/fixtures/*.json are checked against both, so keep every rule here and there alike.
 * A classic script (UMD): importScripts() in the search worker, require() in node:test. */
;(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory()
  else root.doumKorean = factory()
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict'

  const SYLLABLE_FIRST = 0xac00
  const SYLLABLE_LAST = 0xd7a3
  // The tables come with the index payload (src/doum/search/korean.ko.json, which korean.py
  // reads too): set by configure() before the first word is read.
  let CHO, JUNG, JONG, FINALS, COMPOUND, JOIN, ENDINGS, ENDINGS_BY_LAST, RIEUL
  let QWERTY_KEYS, QWERTY_JAMO, QWERTY_SHIFTED, QWERTY_SHIFTED_JAMO
  let MIN_STEM, MIN_STEM_LONG_SUFFIX, MAX_STRIPS

  function configure(tables) {
    if (!tables || typeof tables.cho !== 'string')
      throw new Error('doum search: the index has no Korean tables')
    ;({ cho: CHO, jung: JUNG, jong: JONG, compound: COMPOUND, endings: ENDINGS } = tables)
    ;({ min_stem: MIN_STEM, min_stem_long_suffix: MIN_STEM_LONG_SUFFIX, max_strips: MAX_STRIPS } = tables)
    ;({ keys: QWERTY_KEYS, jamo: QWERTY_JAMO } = tables.qwerty)
    // With Shift: the doubled consonants and ㅒ ㅖ; any other capital types its plain jamo.
    ;({ shifted_keys: QWERTY_SHIFTED, shifted_jamo: QWERTY_SHIFTED_JAMO } = tables.qwerty)
    FINALS = JONG.trim()
    JOIN = new Map(Object.entries(COMPOUND).map(([single, pair]) => [pair, single]))
    // Endings by a word's last syllable (order kept: longest first).
    ENDINGS_BY_LAST = new Map()
    for (const ending of ENDINGS) {
      const last = ending[0][ending[0].length - 1]
      if (!ENDINGS_BY_LAST.has(last)) ENDINGS_BY_LAST.set(last, [])
      ENDINGS_BY_LAST.get(last).push(ending)
    }
    RIEUL = JONG.indexOf('ㄹ')
  }

  /** NFKC (full-width → ASCII), lower case, compatibility jamo kept as typed. */
  function normalize(text) {
    let out = ''
    for (const ch of String(text).normalize('NFKC').toLowerCase()) {
      const code = ch.charCodeAt(0)
      // NFKC turns compatibility jamo (ㅂ) into conjoining jamo (ᄇ); map them back.
      if (code >= 0x1100 && code < 0x1100 + CHO.length) out += CHO[code - 0x1100]
      else if (code >= 0x1161 && code < 0x1161 + JUNG.length) out += JUNG[code - 0x1161]
      else out += ch
    }
    return out
  }

  const isSyllable = (ch) => ch >= '\uac00' && ch <= '\ud7a3' && ch.length === 1
  const isLatin = (ch) => ch >= 'a' && ch <= 'z' && ch.length === 1
  const isDigit = (ch) => ch >= '0' && ch <= '9' && ch.length === 1

  /** A word: a run of Hangul (syllables and compatibility jamo) or of Latin letters, the digits
   *  in it or before it included; or a run of digits alone. Anything else separates words. */
  function wordPattern(latin) {
    const hangul = '\uac00-\ud7a3ㄱ-ㅣ'
    return new RegExp(`[0-9]*(?:[${hangul}][${hangul}0-9]*|[${latin}][${latin}0-9]*)|[0-9]+`, 'g')
  }
  const WORD = wordPattern('a-z')
  const CASED_WORD = wordPattern('a-zA-Z')

  /** Words of normalized text: runs of Hangul or Latin letters; digits join either side.
   *  cased: the text kept its capital letters (typedWords). */
  const splitWords = (text, cased = false) => String(text).match(cased ? CASED_WORD : WORD) || []

  const words = (text) => splitWords(normalize(text))

  /** words(text) with Latin capitals as typed: with the keyboard in English mode, Shift types
   *  ㄲ ㄸ ㅃ ㅆ ㅉ ㅒ ㅖ (Tmrl → 쓰기). Falls back to words(text) if the two disagree. */
  function typedWords(text) {
    const lowered = words(text)
    let kept = ''
    for (const ch of String(text).normalize('NFKC')) {
      const one = ch >= 'A' && ch <= 'Z' && ch.length === 1 ? ch : ch.toLowerCase()
      for (const c of one) {
        const code = c.charCodeAt(0)
        if (code >= 0x1100 && code < 0x1100 + CHO.length) kept += CHO[code - 0x1100]
        else if (code >= 0x1161 && code < 0x1161 + JUNG.length) kept += JUNG[code - 0x1161]
        else kept += c
      }
    }
    const cased = splitWords(kept, true)
    const same = cased.length === lowered.length && cased.every((w, i) => w.toLowerCase() === lowered[i])
    return same ? cased : lowered
  }

  /** Does a particle of this kind attach after this syllable? */
  function fits(condition, syllable) {
    const final = (syllable.charCodeAt(0) - SYLLABLE_FIRST) % 28
    if (condition === 'C') return final !== 0
    if (condition === 'V') return final === 0
    if (condition === 'L') return final === 0 || final === RIEUL
    if (condition === 'N') return final !== 0 && final !== RIEUL
    return true
  }

  function stripOnce(word) {
    for (const [suffix, condition] of ENDINGS_BY_LAST.get(word[word.length - 1]) || []) {
      const rest = word.slice(0, word.length - suffix.length)
      const shortest = suffix.length === 1 ? MIN_STEM : MIN_STEM_LONG_SUFFIX
      if (!word.endsWith(suffix) || rest.length < shortest || !isSyllable(rest[rest.length - 1])) continue
      if (fits(condition, rest[rest.length - 1])) return rest
    }
    return word
  }

  /** Strip particles and endings: 비밀번호를 → 비밀번호, 탈퇴하면 → 탈퇴. */
  function stem(word) {
    for (let i = 0; i < MAX_STRIPS; i++) {
      const shorter = stripOnce(word)
      if (shorter === word) break
      word = shorter
    }
    return word
  }

  /** Index terms of a text: normalized, split, stemmed. */
  const tokens = (text) => words(text).map(stem)

  const isChosungWord = (word) => word.length >= 2 && [...word].every((ch) => CHO.includes(ch))

  /** Initial consonants: 비밀번호 → ㅂㅁㅂㅎ (other characters stay). */
  function chosung(word) {
    let out = ''
    for (const ch of word) {
      out += isSyllable(ch) ? CHO[Math.floor((ch.charCodeAt(0) - SYLLABLE_FIRST) / 588)] : ch
    }
    return out
  }

  /** A syllable as the basic jamo typed for it: 환 → ㅎㅗㅏㄴ. */
  function decompose(syllable) {
    if (!isSyllable(syllable)) return COMPOUND[syllable] || syllable
    const code = syllable.charCodeAt(0) - SYLLABLE_FIRST
    const parts = CHO[Math.floor(code / 588)] + JUNG[Math.floor((code % 588) / 28)] + JONG[code % 28].trim()
    return [...parts].map((ch) => COMPOUND[ch] || ch).join('')
  }

  function vowelAt(jamo, i) {
    const pair = jamo.slice(i, i + 2)
    if (pair.length === 2 && JOIN.has(pair) && JUNG.includes(JOIN.get(pair))) return [JOIN.get(pair), 2]
    if (i < jamo.length && JUNG.includes(jamo[i])) return [jamo[i], 1]
    return ['', 0]
  }

  /** The final consonant(s) at i, unless they start the next syllable. */
  function finalAt(jamo, i) {
    const startsSyllable = (k) => k < jamo.length && CHO.includes(jamo[k]) && Boolean(vowelAt(jamo, k + 1)[0])
    const pair = jamo.slice(i, i + 2)
    if (pair.length === 2 && JOIN.has(pair) && JONG.includes(JOIN.get(pair)) && !startsSyllable(i + 1)) {
      return [JOIN.get(pair), 2]
    }
    if (i < jamo.length && FINALS.includes(jamo[i]) && !startsSyllable(i)) return [jamo[i], 1]
    return ['', 0]
  }

  function syllableOf(cho, vowel, final) {
    const code = CHO.indexOf(cho) * 588 + JUNG.indexOf(vowel) * 28 + (final ? JONG.indexOf(final) : 0)
    return String.fromCharCode(SYLLABLE_FIRST + code)
  }

  /** Basic jamo typed in order → syllables (the 2-beolsik automaton): ㅎㅗㅏㄴ → 환. */
  function compose(jamo) {
    let out = ''
    let i = 0
    while (i < jamo.length) {
      const [vowel, used] = vowelAt(jamo, i + 1)
      if (CHO.includes(jamo[i]) && vowel) {
        const cho = jamo[i]
        i += 1 + used
        const [final, finalUsed] = finalAt(jamo, i)
        i += finalUsed
        out += syllableOf(cho, vowel, final)
        continue
      }
      const [lone, loneUsed] = vowelAt(jamo, i)
      out += lone || jamo[i]
      i += loneUsed || 1
    }
    return out
  }

  /** Latin keys typed with the keyboard in English mode → Hangul: qlalfqjsgh → 비밀번호. */
  function fromQwerty(word) {
    let jamo = ''
    for (const ch of word) {
      const shifted = QWERTY_SHIFTED.indexOf(ch)
      if (shifted >= 0 && ch.length === 1) {
        jamo += QWERTY_SHIFTED_JAMO[shifted]
        continue
      }
      const at = QWERTY_KEYS.indexOf(ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : ch)
      jamo += at >= 0 && ch.length === 1 ? QWERTY_JAMO[at] : ch
    }
    return compose(jamo)
  }

  /** A word's jamo, one per key slot of a syllable (compound vowels and finals count as one). */
  function slots(word) {
    const out = []
    for (const ch of word) {
      if (!isSyllable(ch)) {
        out.push(ch)
        continue
      }
      const code = ch.charCodeAt(0) - SYLLABLE_FIRST
      out.push(CHO[Math.floor(code / 588)], JUNG[Math.floor((code % 588) / 28)])
      if (code % 28) out.push(JONG[code % 28])
    }
    return out
  }

  /** Levenshtein distance between two words' jamo slots: 환볼 ↔ 환불 = 1. */
  function jamoDistance(a, b) {
    const x = slots(a)
    const y = slots(b)
    let previous = Array.from({ length: y.length + 1 }, (_, j) => j)
    for (let i = 1; i <= x.length; i++) {
      const current = [i]
      for (let j = 1; j <= y.length; j++) {
        current.push(
          Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] !== y[j - 1] ? 1 : 0)),
        )
      }
      previous = current
    }
    return previous[y.length]
  }

  return {
    configure,
    normalize,
    splitWords,
    words,
    typedWords,
    stem,
    tokens,
    isSyllable,
    isLatin,
    isDigit,
    isChosungWord,
    chosung,
    decompose,
    compose,
    fromQwerty,
    jamoDistance,
  }
})
