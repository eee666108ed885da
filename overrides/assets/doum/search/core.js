/* The query side of doum's search: src/doum/searching.py, step for step, so the browser and
 * `doum search` rank alike. Loads site/search/doum.json, turns the customer's words into
 * index terms, runs a programmatic lunr query (never lunr's query syntax) and ranks.
 * A classic script (UMD): importScripts() in the search worker (after lunr.js and korean.js),
 * require() in node:test. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory
  else root.doumSearchCore = factory(root.lunr, root.doumKorean)
})(typeof self !== "undefined" ? self : this, function (lunr, korean) {
  "use strict"

  const MAX_WORDS = 12 // a pasted paragraph is cut to its first words
  const MAX_WORD_CHARS = 30
  const MAX_EXPANSIONS = 3 // index words tried for one prefix, initial-consonant or typed-ahead word
  const PREFIX_BOOST = 0.6
  const TYPO_BOOST = 0.8
  const SYNONYM_BOOST = 0.5
  const SCORE_SCALE = 1000000 // scores compared as integers, so float noise never reorders
  const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key)

  const CHAMPIONS = 300 // documents a term keeps per field (lunrpack.py explains)
  const NO_METADATA = Object.freeze({}) // doum stores no term metadata; shared, never written to

  /**
   * lunrpack.expand, lazily: lunr.Index.load gets the term list, and a term's posting is
   * built from the field vectors the first time a query looks it up, so a large index opens
   * without building millions of posting entries first.
   */
  function loadIndex(packed) {
    const { fields, vectors, terms } = packed
    const vectorField = new Uint8Array(vectors.length)
    const vectorDoc = new Uint32Array(vectors.length)
    const counts = new Uint32Array(terms.length)
    vectors.forEach(([ref, elements], v) => {
      const slash = ref.indexOf("/")
      vectorField[v] = fields.indexOf(ref.slice(0, slash))
      vectorDoc[v] = Number(ref.slice(slash + 1))
      // Term numbers travel as gaps from the previous one (lunrpack.unpack_vectors); they
      // are made absolute in place, as lunr wants them: a payload feeds one Searcher.
      for (let i = 0, term = 0; i < elements.length; i += 2) {
        term += elements[i]
        elements[i] = term
        counts[term] += 1
      }
    })
    // Entries grouped by term (compressed rows): which vector holds the term, with what score.
    const starts = new Uint32Array(terms.length + 1)
    for (let t = 0; t < terms.length; t++) starts[t + 1] = starts[t] + counts[t]
    const filled = starts.slice(0, terms.length)
    const entryVector = new Uint32Array(starts[terms.length])
    const entryScore = new Float64Array(starts[terms.length])
    vectors.forEach(([, elements], v) => {
      for (let i = 0; i < elements.length; i += 2) {
        const slot = filled[elements[i]]++
        entryVector[slot] = v
        entryScore[slot] = elements[i + 1]
      }
    })

    function posting(t) {
      const byField = fields.map(() => [])
      for (let e = starts[t]; e < starts[t + 1]; e++) {
        const v = entryVector[e]
        byField[vectorField[v]].push([vectorDoc[v], entryScore[e]])
      }
      const built = { _index: t }
      fields.forEach((field, slot) => {
        const best = byField[slot].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, CHAMPIONS)
        const docs = {}
        for (const [doc] of best.sort((a, b) => a[0] - b[0])) docs[doc] = NO_METADATA
        built[field] = docs
      })
      return built
    }

    const index = lunr.Index.load({
      version: packed.version,
      fields,
      fieldVectors: vectors,
      invertedIndex: terms.map((term, t) => [term, { _index: t }]),
      pipeline: [],
    })
    const termIds = new Map(terms.map((term, t) => [term, t]))
    const built = new Map()
    index.invertedIndex = new Proxy(Object.create(null), {
      get(_, term) {
        const t = typeof term === "string" ? termIds.get(term) : undefined
        if (t === undefined) return undefined
        if (!built.has(t)) built.set(t, posting(t))
        return built.get(t)
      },
    })
    return { index, termIds, counts }
  }

  const isHangul = (word) => [...word].every(korean.isSyllable)
  const isSyllablesOrDigits = (word) => [...word].every((ch) => korean.isSyllable(ch) || korean.isDigit(ch))

  function contains(sequence, run) {
    const n = run.length
    if (!n) return false
    for (let i = 0; i + n <= sequence.length; i++) {
      let same = true
      for (let j = 0; j < n && same; j++) same = sequence[i + j] === run[j]
      if (same) return true
    }
    return false
  }

  /** Same length, one syllable differs, and that by one jamo. */
  function oneJamoApart(a, b) {
    let differing = null
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) continue
      if (differing) return false
      differing = [a[i], b[i]]
    }
    return Boolean(differing) && korean.jamoDistance(differing[0], differing[1]) === 1
  }

  /** Code-point order, as Python sorts (all index terms are in the BMP). */
  const byCodePoint = (a, b) => (a < b ? -1 : a > b ? 1 : 0)

  class Searcher {
    constructor(payload) {
      const { index, termIds, counts } = loadIndex(payload.index)
      this.index = index
      this.termIds = termIds
      this.entryCounts = counts
      this.docs = payload.docs
      this.synonyms = payload.synonyms
      this.vocab = payload.index.terms // sorted by code point
      this.known = new Set(this.vocab)
      this.pages = new Map(this.docs.filter((doc) => !doc[0].includes("#")).map((doc) => [doc[0], doc]))
      this.byLength = null
      this.chosungs = null
    }

    // -- from words to weighted index terms -----------------------------------------------

    /** Index terms to look up, with their boosts (a Map in insertion order). */
    plan(query) {
      const words = korean.words(String(query || "")).slice(0, MAX_WORDS).map((w) => w.slice(0, MAX_WORD_CHARS))
      const units = this.joinSplitWords(words)
      const terms = new Map()
      const resolved = []
      for (const unit of units) {
        for (const [term, boost] of this.resolve(unit)) {
          add(terms, term, boost)
          resolved.push(term)
        }
      }
      const stems = units.map(korean.stem)
      for (const [term, boost] of this.synonymTerms(stems, resolved)) add(terms, term, boost)
      return terms
    }

    /** 비밀 번호 → 비밀번호, when the joined word is known and a part alone is not. */
    joinSplitWords(words) {
      const units = []
      let i = 0
      while (i < words.length) {
        if (i + 1 < words.length && isHangul(words[i]) && isHangul(words[i + 1])) {
          const joined = words[i] + words[i + 1]
          const bothKnown = this.known.has(korean.stem(words[i])) && this.known.has(korean.stem(words[i + 1]))
          if (this.known.has(korean.stem(joined)) && !bothKnown) {
            units.push(joined)
            i += 2
            continue
          }
        }
        units.push(words[i])
        i += 1
      }
      return units
    }

    resolve(word) {
      const stem = korean.stem(word)
      if (this.known.has(stem)) return [[stem, 1]]
      if ([...word].some(korean.isLatin)) return this.resolveLatin(word)
      return this.resolveHangul(word)
    }

    /** Known English words first; else the word was Korean typed in English mode. */
    resolveLatin(word) {
      const expansions = word.length >= 3 ? this.prefixed(word) : []
      if (expansions.length) return expansions.map((term) => [term, PREFIX_BOOST])
      const hangul = korean.fromQwerty(word)
      if (isSyllablesOrDigits(hangul)) return this.resolveHangul(hangul)
      return []
    }

    resolveHangul(word) {
      const stem = korean.stem(word)
      if (this.known.has(stem)) return [[stem, 1]]
      if (korean.isChosungWord(word)) return this.byChosung(word)
      if (!isSyllablesOrDigits(stem)) return []
      const [pieces, gaps] = this.segment(stem)
      if (gaps.length) {
        // a typo can leave a known word inside: 비빌번호 holds 번호
        const whole = this.corrected(stem)
        if (whole.length) return [[whole[0], TYPO_BOOST]]
      }
      if (pieces.length) {
        const fixed = gaps.flatMap((gap) => this.corrected(gap).map((term) => [term, TYPO_BOOST]))
        return pieces.map((piece) => [piece, 1]).concat(fixed)
      }
      const expansions = stem.length >= 2 ? this.prefixed(stem) : []
      if (expansions.length) return expansions.map((term) => [term, PREFIX_BOOST])
      return this.corrected(stem).map((term) => [term, TYPO_BOOST])
    }

    /** Known words inside a run-together word (이모티콘환불 → 이모티콘, 환불), and the
     *  runs of syllables left between them. */
    segment(word) {
      const pieces = []
      const gaps = []
      let gap = ""
      let i = 0
      while (i < word.length) {
        let end = 0
        for (let j = word.length; j > i + 1; j--) {
          if (this.known.has(word.slice(i, j))) {
            end = j
            break
          }
        }
        if (end) {
          pieces.push(word.slice(i, end))
          if (gap) gaps.push(gap)
          gap = ""
          i = end
        } else {
          gap += word[i]
          i += 1
        }
      }
      if (gap) gaps.push(gap)
      return [pieces, gaps]
    }

    /** Known words that start with a word still being typed (비밀 → 비밀번호). */
    prefixed(prefix) {
      let low = 0
      let high = this.vocab.length
      while (low < high) {
        // bisect_right: the first term greater than the prefix
        const middle = (low + high) >> 1
        if (this.vocab[middle] <= prefix) low = middle + 1
        else high = middle
      }
      const found = []
      for (const term of this.vocab.slice(low, low + 200)) {
        if (!term.startsWith(prefix)) break
        found.push(term)
      }
      return this.best(found, true)
    }

    /** ㅂㅁㅂㅎ → 비밀번호: whole words first, else words the consonants begin. */
    byChosung(word) {
      if (!this.chosungs) this.chosungs = this.vocab.map(korean.chosung)
      const exact = []
      const begun = []
      this.vocab.forEach((term, i) => {
        if (term.length === word.length && this.chosungs[i] === word) exact.push(term)
        else if (term.length > word.length && this.chosungs[i].startsWith(word)) begun.push(term)
      })
      if (exact.length) return this.best(exact).map((term) => [term, 1])
      return this.best(begun, true).map((term) => [term, PREFIX_BOOST])
    }

    /** The known word one jamo away (환볼 → 환불), if there is one. */
    corrected(word) {
      if (word.length < 2) return []
      const candidates = this.sameLength(word.length).filter((term) => oneJamoApart(word, term))
      return this.best(candidates).slice(0, 1)
    }

    /** The other members of every synonym group the query mentions. A member of several
     *  words shares its boost among them, so one of its words alone counts for little. */
    synonymTerms(stems, resolved) {
      const added = []
      for (const group of this.synonyms) {
        if (!group.some((member) => contains(stems, member) || contains(resolved, member))) continue
        for (const member of group) {
          for (const term of member) if (this.known.has(term)) added.push([term, SYNONYM_BOOST / member.length])
        }
      }
      return added
    }

    /** The most useful few: shorter first (when asked), then in more documents. */
    best(terms, keyLength = false) {
      const ranked = terms
        .map((term) => [keyLength ? term.length : 0, -this.df(term), term])
        .sort((a, b) => a[0] - b[0] || a[1] - b[1] || byCodePoint(a[2], b[2]))
      return ranked.slice(0, MAX_EXPANSIONS).map((entry) => entry[2])
    }

    /** How common a word is: the (field, document) pairs that hold it. */
    df(term) {
      return this.entryCounts[this.termIds.get(term)]
    }

    sameLength(length) {
      if (!this.byLength) {
        this.byLength = new Map()
        for (const term of this.vocab) {
          if (!this.byLength.has(term.length)) this.byLength.set(term.length, [])
          this.byLength.get(term.length).push(term)
        }
      }
      return this.byLength.get(length) || []
    }

    // -- ranking --------------------------------------------------------------------------

    /** [doc number, integer score] for pages and sections, best first, plus the terms. */
    searchDocs(query) {
      const terms = this.plan(query)
      if (!terms.size) return { terms, hits: [] }
      const results = this.index.query((q) => {
        for (const [term, boost] of terms) {
          q.term(term, { usePipeline: false, boost, wildcard: lunr.Query.wildcard.NONE })
        }
      })
      const hits = results
        .map((r) => [Number(r.ref), Math.floor(r.score * SCORE_SCALE + 0.5)])
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      return { terms, hits }
    }

    /** Pages, each scored by its best document (its own or one of its sections). */
    search(query, limit = 5) {
      const best = new Map()
      for (const [ref, score] of this.searchDocs(query).hits) {
        const page = this.docs[ref][0].split("#")[0]
        if (!best.has(page)) best.set(page, score)
      }
      return [...best].slice(0, limit).map(([page, score]) => {
        const doc = this.pages.get(page)
        return { title: doc[1], location: page, summary: doc[2], score: score / SCORE_SCALE }
      })
    }

    /** Material's search result: documents grouped by page, text escaped, matches marked. */
    materialResult(query, maxPages = 20) {
      const { terms, hits } = this.searchDocs(query)
      const groups = new Map()
      for (const [ref, score] of hits) {
        const [location, title, text] = this.docs[ref]
        const page = location.split("#")[0]
        if (!groups.has(page)) {
          if (groups.size >= maxPages) continue
          groups.set(page, [])
        }
        groups.get(page).push({ location, title, text, score: score / SCORE_SCALE, ref })
      }
      const marker = highlighter([...terms.keys()])
      const items = [...groups].map(([page, docs]) => {
        const own = docs.find((doc) => doc.location === page)
        const pageDoc = own || { location: page, title: this.pages.get(page)[1], text: this.pages.get(page)[2], score: 0 }
        // Material shows the page first and its sections below, best first.
        const ordered = [pageDoc, ...docs.filter((doc) => doc !== own)]
        return ordered.map((doc) => ({
          location: doc.location,
          title: marker(doc.title),
          text: marker(doc.text),
          score: doc === pageDoc ? docs[0].score : doc.score,
          terms: matchedTerms(terms, doc),
        }))
      })
      return { items, suggest: this.suggest(query, hits) }
    }

    /** Material completes the word being typed with the last suggestion: 비밀 → 비밀번호. */
    suggest(query, hits) {
      const typed = korean.words(String(query || ""))
      const last = typed[typed.length - 1]
      if (!last) return []
      for (const [ref] of hits.slice(0, 5)) {
        for (const word of korean.tokens(this.docs[ref][1])) {
          if (word.length > last.length && word.startsWith(last)) return [word]
        }
      }
      return []
    }
  }

  function add(terms, term, boost) {
    terms.set(term, Math.max(terms.get(term) || 0, boost))
  }

  /** The terms a document shows (Material links them as ?h= to highlight on the page). */
  function matchedTerms(terms, doc) {
    const text = korean.normalize(doc.title + " " + doc.text)
    const result = {}
    for (const term of terms.keys()) if (text.includes(term)) result[term] = true
    return result
  }

  const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }
  const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch])
  const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

  /** text → escaped HTML with <mark> around the query's terms (the only markup added). */
  function highlighter(terms) {
    const usable = terms.filter((term) => term.length >= 1).sort((a, b) => b.length - a.length)
    if (!usable.length) return escapeHtml
    const pattern = new RegExp(usable.map(escapeRegExp).join("|"), "gi")
    return (text) => {
      let out = ""
      let last = 0
      for (const match of String(text).matchAll(pattern)) {
        if (!match[0]) continue
        out += escapeHtml(text.slice(last, match.index)) + "<mark>" + escapeHtml(match[0]) + "</mark>"
        last = match.index + match[0].length
      }
      return out + escapeHtml(String(text).slice(last))
    }
  }

  return { Searcher, escapeHtml, highlighter }
})
