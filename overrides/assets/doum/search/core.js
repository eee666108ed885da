/* The query side of doum's search: src/doum/search/searcher.py, step for step, so the browser and
 * `doum search` rank alike. openSearcher() reads the index by the piece (search/doum.json →
 * the language's entry → the pieces a query needs; src/doum/search/pieces.py writes them),
 * turns the customer's words into index terms, scores them as lunr's query does (Searcher.query:
 * the same floats as lunr.py in searcher.py; lunr's own code is no longer run here) and ranks.
 * An English index (entry.language "en") reads the customer's words with english.js instead of
 * korean.js, as searcher.py does with english.py; english.js needs lunr.js, which openSearcher
 * has its caller load then (its `lunr` option), and only then.
 * A classic script (UMD): part of the search engine after korean.js and english.js (its factory),
 * require() in node:test. */
;(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory
  else root.doumSearchCore = factory(root.doumKorean, root.doumEnglish)
})(typeof self !== 'undefined' ? self : this, function (korean, makeEnglish) {
  'use strict'

  // The tuning numbers come with the entry (src/doum/search/tuning.json, which searcher.py
  // reads too): set once by configure(), before the Searcher loads its index.
  let MAX_WORDS // a pasted paragraph is cut to its first words
  let MAX_WORD_CHARS
  let MAX_EXPANSIONS // index words tried for one prefix, initial-consonant or typed-ahead word
  let PREFIX_BOOST
  let TYPO_BOOST
  let SYNONYM_BOOST
  let SCORE_SCALE // scores compared as integers, so float noise never reorders

  const FORMAT = 3 // the index format this reader reads (pieces.py FORMAT)
  let CHAMPIONS // documents a term keeps per field (lunrpack.py explains)

  const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz'

  /** The sorted word list, front-coded by pieces.front_code: per line, a base-36 digit for the
   *  characters shared with the word before, then the rest. */
  function frontDecode(coded) {
    const terms = []
    let previous = ''
    for (const line of coded ? coded.split('\n') : []) {
      previous = previous.slice(0, DIGITS.indexOf(line[0])) + line.slice(1)
      terms.push(previous)
    }
    return terms
  }

  /** A piece table as pieces.py writes it ({kind, hash, firsts as gaps, bulk}): each small
   *  piece's first number and name, and which bulk piece holds it (when there are bulk pieces:
   *  bulk.sizes small pieces each, fetched once `after` of them were). */
  function pieceTable({ kind, hash, firsts, bulk }) {
    const starts = new Uint32Array(firsts.length)
    for (let i = 0, n = 0; i < firsts.length; i++) starts[i] = n += firsts[i]
    const table = { starts, name: (i) => `doum/${kind}.${i}.${hash}.json`, bulk: null }
    if (bulk) {
      const of = new Uint32Array(firsts.length) // small piece → its bulk piece
      const first = new Uint32Array(bulk.sizes.length) // bulk piece → its first small piece
      const after = bulk.sizes.map((size) => Math.ceil(size / bulk.share))
      for (let b = 0, i = 0; b < bulk.sizes.length; b++) {
        first[b] = i
        for (let k = 0; k < bulk.sizes[b]; k++) of[i++] = b
      }
      const loaded = new Uint32Array(bulk.sizes.length) // small pieces fetched, per bulk piece
      table.bulk = { of, first, after, loaded, name: (b) => `doum/${bulk.kind}.${b}.${bulk.hash}.json` }
    }
    return table
  }

  /** The piece that holds number n: the last whose first number is n or less. */
  function pieceAt(starts, n) {
    let low = 0
    let high = starts.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (starts[middle] <= n) low = middle + 1
      else high = middle
    }
    return low - 1
  }

  const noLoader = (name) => Promise.reject(new Error(`doum search: no way to load ${name}`))

  /**
   * The index as a Searcher reads it (src/doum/search/pieces.py writes it): the entry up front,
   * pieces as queries need them. A lookup whose piece is not here yet answers null and notes
   * the piece in `missing`; the caller fetches what is missing and asks again (settle).
   */
  class IndexData {
    constructor(entry, pieces = {}, load = noLoader) {
      if (entry.format !== FORMAT)
        throw new Error(`doum search: index format ${entry.format}; this page reads format ${FORMAT}`)
      this.fields = entry.fields
      this.vocab = frontDecode(entry.terms) // sorted by code point
      this.counts = entry.counts
      this.scoreSteps = entry.score_steps // a posting's scores are integers: 49 → 4.9
      this.pageOf = new Uint32Array(entry.docs) // a document → its page's own document
      let doc = 0
      for (const sections of entry.pages) {
        for (let i = 0; i <= sections; i++) this.pageOf[doc + i] = doc
        doc += sections + 1
      }
      this.termTable = pieceTable(entry.pieces.terms)
      this.docTable = pieceTable(entry.pieces.docs)
      this.pieces = new Map(Object.entries(pieces))
      this.load = load
      this.pending = new Map() // name → a promise of the piece, while it loads
      this.missing = new Set()
      this.small = new Map() // a small piece asked for → its bulk counter, to count it when here
      this.decoded = new Map() // term number → its entries
    }

    /** [piece, position in it] of number n, from its small piece or its bulk piece; else null,
     *  and the piece to fetch is noted: the bulk one once enough of its small ones came. */
    piece(table, n) {
      const at = pieceAt(table.starts, n)
      const name = table.name(at)
      const small = this.pieces.get(name)
      if (small) return [small, n - table.starts[at]]
      const { bulk } = table
      if (!bulk) {
        this.missing.add(name)
        return null
      }
      const b = bulk.of[at]
      const whole = this.pieces.get(bulk.name(b))
      if (whole) return [whole, n - table.starts[bulk.first[b]]]
      if (bulk.loaded[b] >= bulk.after[b]) this.missing.add(bulk.name(b))
      else {
        this.missing.add(name)
        this.small.set(name, () => bulk.loaded[b]++)
      }
      return null
    }

    /** A term's postings per field, {docs, scores} (typed arrays, documents in order); null
     *  until its piece is here. Typed arrays: a common word's thousands of postings are two
     *  allocations, not thousands (a first query runs cold, where garbage is what costs). */
    entries(t) {
      if (this.decoded.has(t)) return this.decoded.get(t)
      const found = this.piece(this.termTable, t)
      if (!found) return null
      const steps = this.scoreSteps
      const entries = found[0].postings[found[1]].map((flat) => {
        const half = flat.length / 2 // the gaps, then the scores
        const docs = new Int32Array(half)
        const scores = new Float64Array(half)
        for (let i = 0, doc = 0; i < half; i++) {
          doc += flat[i]
          docs[i] = doc
          scores[i] = flat[half + i] / steps
        }
        return { docs, scores }
      })
      this.decoded.set(t, entries)
      return entries
    }

    /** A document's [location, title, text]; null until its piece is here. A section's row
     *  holds its location from the # on; its page's row is in the same piece. */
    row(doc) {
      const found = this.piece(this.docTable, doc)
      if (!found) return null
      const row = found[0].docs[found[1]]
      if (!row[0].startsWith('#')) return row
      const page = found[0].docs[found[1] - (doc - this.pageOf[doc])]
      return [page[0] + row[0], row[1], row[2]]
    }

    /** A small index (the entry says "preload": one piece of each kind) is fetched whole as soon
     *  as it opens, so the first query waits for no piece. A failed piece fails the queries
     *  that wait for it, as any piece does, and the next query asks again. */
    preload() {
      for (const table of [this.termTable, this.docTable])
        for (let i = 0; i < table.starts.length; i++) this.missing.add(table.name(i))
      this.fetchMissing().catch(() => {})
    }

    /** Fetch what lookups found missing: each piece once; a failed one is asked for again later. */
    async fetchMissing() {
      const names = [...this.missing]
      this.missing.clear()
      await Promise.all(
        names.map((name) => {
          if (!this.pending.has(name)) {
            const loading = this.load(name).then(
              (piece) => {
                this.pieces.set(name, piece)
                this.small.get(name)?.()
              },
              (error) => {
                this.pending.delete(name)
                throw error
              },
            )
            this.pending.set(name, loading)
          }
          return this.pending.get(name)
        }),
      )
    }
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

  let WEAK_WEIGHT // a question or function word, in the ranking and in coverage
  let OTHER_DOCS // how much a page's other matching documents add to its best one
  let TITLE_WEIGHT // a page whose title and keywords hold every query word counts three times
  let COVER_FIELDS // fields that count for coverage (not the category's text)
  let TITLE_FIELDS // title (and questions) and keywords of the page's own document

  /** Where a run of terms starts in a sequence. */
  function find(sequence, run) {
    const starts = []
    const n = run.length
    if (!n) return starts
    for (let i = 0; i + n <= sequence.length; i++) {
      let same = true
      for (let j = 0; j < n && same; j++) same = sequence[i + j] === run[j]
      if (same) starts.push(i)
    }
    return starts
  }

  /** Where a phrase of several words is read in consecutive parts through a one-word synonym of
   *  what the customer wrote for at least one of its words (환급 언제 → 환불 언제). */
  function composed(member, own, written) {
    const starts = []
    const n = member.length
    if (n < 2) return starts
    for (let start = 0; start + n <= own.length; start++) {
      const asWritten = member.map((word, k) => own[start + k].has(word))
      if (
        member.every((word, k) => asWritten[k] || written[start + k].has(word)) &&
        asWritten.includes(false)
      )
        starts.push(start)
    }
    return starts
  }

  const unique = (items) => [...new Set(items)]
  const sum = (numbers) => numbers.reduce((total, x) => total + x, 0)
  const compareCost = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]

  /** The weight of the plan's parts that some of these terms answer: per part, the best credit
   *  among its term sets that the held terms hold (those in the title, for a part only a title
   *  answers). Term sets and held terms are bit sets over the query's terms (pagesOf), each at
   *  an offset in a larger array; a null set names a term no page matched. */
  function share(plan, sets, held, heldAt, inTitle, titleAt) {
    let total = 0
    for (let p = 0; p < sets.length; p++) {
      const titleOnly = plan.titleOnly && plan.titleOnly[p]
      const bits = titleOnly ? inTitle : held
      const at = titleOnly ? titleAt : heldAt
      let best = 0
      for (const [set, credit] of sets[p]) {
        if (credit > best && set && holds(bits, at, set)) best = credit
      }
      if (best > 0) total += plan.weights[p] * best
    }
    return total
  }

  /** Whether the bit set at bits[at…] has every bit of `set` (as long). */
  function holds(bits, at, set) {
    for (let w = 0; w < set.length; w++) if ((set[w] & ~bits[at + w]) !== 0) return false
    return true
  }

  function configure(tuning) {
    if (!tuning || typeof tuning.max_words !== 'number')
      throw new Error('doum search: the index has no tuning numbers')
    ;({
      max_words: MAX_WORDS,
      max_word_chars: MAX_WORD_CHARS,
      max_expansions: MAX_EXPANSIONS,
      prefix_boost: PREFIX_BOOST,
      typo_boost: TYPO_BOOST,
      synonym_boost: SYNONYM_BOOST,
      score_scale: SCORE_SCALE,
      champions: CHAMPIONS,
      weak_weight: WEAK_WEIGHT,
      other_docs: OTHER_DOCS,
      title_weight: TITLE_WEIGHT,
      cover_fields: COVER_FIELDS,
      title_fields: TITLE_FIELDS,
    } = tuning)
  }

  class Searcher {
    /** entry: the language's entry file; pieces: those already at hand (name → piece);
     *  load(name): a promise of any other piece; lunr: lunr.js, for an English entry. */
    constructor(entry, pieces = {}, load = noLoader, lunr = null) {
      configure(entry.tuning)
      korean.configure(entry.korean)
      // The index's analyzer: an English index stems Latin words and has no stop words; Hangul
      // words and everything Korean-specific go through korean.js either way.
      this.english = entry.language === 'en'
      if (this.english && !(lunr && makeEnglish))
        throw new Error('doum search: an English index needs english.js and lunr.js')
      this.text = this.english ? makeEnglish(lunr, korean) : korean
      this.data = new IndexData(entry, pieces, load)
      this.vocab = this.data.vocab
      this.termIds = new Map(this.vocab.map((term, t) => [term, t]))
      this.known = new Set(this.vocab)
      this.synonyms = entry.synonyms
      this.weak = new Set(entry.weak || [])
      this.negation = new Set(entry.negation || [])
      this.negationAdverbs = new Set([...this.negation].filter((word) => word.length === 1)) // 안, 못
      // a native numeral and its unit noun (korean.ko.json spacing_about), longest first
      const longestFirst = (words) => [...(words || [])].sort((a, b) => b.length - a.length)
      this.numerals = longestFirst(entry.korean.numerals)
      this.counters = longestFirst(entry.korean.counters)
      this.failure = (entry.failure || []).filter((t) => this.known.has(t))
      this.phrases = entry.phrases || []
      this.thesaurusWords = new Set()
      for (const group of this.synonyms)
        for (const member of group) if (member.length === 1) this.thesaurusWords.add(member[0])
      this.groupsByTerm = new Map() // a member's first word → its groups
      this.synonyms.forEach((group, g) => {
        for (const member of group) {
          if (!member.length) continue
          if (!this.groupsByTerm.has(member[0])) this.groupsByTerm.set(member[0], [])
          const found = this.groupsByTerm.get(member[0])
          if (!found.includes(g)) found.push(g)
        }
      })
      this.wordSynonyms = new Map() // a one-word member → the group's other one-word members
      for (const group of this.synonyms) {
        const words = unique(group.filter((member) => member.length === 1).map((member) => member[0]))
        for (const word of words) {
          if (!this.wordSynonyms.has(word)) this.wordSynonyms.set(word, new Set())
          for (const other of words) if (other !== word) this.wordSynonyms.get(word).add(other)
        }
      }
      // per field slot: does a match there count for coverage / for the title?
      this.coverSlot = this.data.fields.map((name) => COVER_FIELDS.includes(name))
      this.titleSlot = this.data.fields.map((name) => TITLE_FIELDS.includes(name))
      this.titleSlots = this.titleSlot.flatMap((title, slot) => (title ? [slot] : []))
      this.champions = new Map() // term number → the documents it matches, per field
      this.buffers = null // query()'s typed arrays (scratch)
      this.ranked = null // the last complete ranking, {query, result} (see rank)
      this.byLength = null
      this.chosungs = null
      this.titles = new Map()
      this.phraseCodes = null
      this.second = null
      this.typed = new Map()
    }

    // -- from words to weighted index terms -----------------------------------------------

    /** Index terms to look up, with their boosts (a Map in insertion order). */
    plan(query) {
      return this.analyze(query).terms
    }

    queryWords(query) {
      const words = this.text
        .words(String(query || ''))
        .slice(0, MAX_WORDS)
        .map((w) => w.slice(0, MAX_WORD_CHARS))
      // stop words are not in an English index: never looked up, completed or corrected
      return this.english ? words.filter((w) => !this.text.isStopWord(w)) : words
    }

    analyze(query) {
      const words = this.queryWords(query)
      const typed = this.english
        ? words
        : korean
            .typedWords(String(query || ''))
            .slice(0, MAX_WORDS)
            .map((w) => w.slice(0, MAX_WORD_CHARS))
      this.typed = new Map() // Shift matters for English-mode keys
      words.forEach((word, i) => this.typed.set(word, typed[i]))
      const units = this.joinSplitWords(this.english ? words : words.flatMap((word) => this.detach(word)))
      const resolved = []
      let alternativeAt = -1
      let alternative = null
      units.forEach((unit, i) => {
        const [parts, second] = this.unitParts(unit)
        resolved.push(parts)
        if (second !== null && alternativeAt < 0) {
          alternativeAt = i
          alternative = second
        }
      })
      const plan = this.makePlan(units, resolved)
      if (alternativeAt >= 0) {
        resolved[alternativeAt] = alternative
        plan.alternative = this.makePlan(units, resolved)
      }
      return plan
    }

    /** A query word's parts, and the parts of its second-best split (or null). */
    unitParts(unit) {
      const stem = this.text.stem(unit)
      if (this.known.has(stem)) return [[[[stem, 1]]], null]
      if (this.isWeak(unit)) return [[], null] // never corrected or completed
      if (this.thesaurusWords.has(stem)) return [[[[stem, 0]]], null] // only the thesaurus knows it
      this.second = null
      const parts = this.resolve(unit)
      return [parts, this.second]
    }

    makePlan(units, resolved) {
      const parts = []
      const weights = []
      const unitOf = []
      const chosung = [] // parts spelled by initial consonants
      units.forEach((unit, i) => {
        const weight = this.isWeak(unit) ? WEAK_WEIGHT : 1
        for (const found of resolved[i]) {
          if (korean.isChosungWord(unit)) chosung.push(parts.length)
          const part = new Map()
          for (const [term, boost] of found) add(part, term, boost)
          parts.push(part)
          weights.push(weight)
          unitOf.push(i)
        }
      })
      this.rankChosungCandidates(parts, chosung)
      const stems = units.map(this.text.stem)
      const flat = []
      parts.forEach((part, p) => {
        for (const term of part.keys()) flat.push([term, p])
      })
      const flatTerms = flat.map((entry) => entry[0])
      // (term set, credit): the customer's own word in full, a correction or completion by
      // its boost, a synonym by half
      const covers = parts.map((part) => [...part].map(([t, b]) => [[t], Math.min(1, b)]))
      // Synonyms compose (composed): per part, the one-word synonyms of the word the customer
      // wrote, not of guesses at it (corrections, initial consonants).
      const own = parts.map((part) => new Set(part.keys())) // before the groups below add to the parts
      const written = parts.map((part, p) => this.wordSynonyms.get(stems[unitOf[p]]) || new Set())
      const present = new Set(stems.concat(flatTerms))
      for (const words of written) for (const word of words) present.add(word)
      const candidates = new Set()
      for (const term of present) for (const g of this.groupsByTerm.get(term) || []) candidates.add(g)
      for (const g of [...candidates].sort((a, b) => a - b)) {
        const group = this.synonyms[g]
        const hit = []
        for (const member of group) {
          for (const start of find(stems, member)) {
            unitOf.forEach((u, p) => {
              if (start <= u && u < start + member.length) hit.push(p)
            })
          }
          for (const start of find(flatTerms, member)) {
            for (const [, p] of flat.slice(start, start + member.length)) hit.push(p)
          }
          for (const start of composed(member, own, written)) {
            for (let p = start; p < start + member.length; p++) hit.push(p)
          }
        }
        for (const p of unique(hit)) {
          // A word the site does not use is looked up through its synonyms alone: a phrase's
          // words then count in full, else they share the synonym's weight.
          const standIn = [...parts[p].keys()].some((term) => !this.known.has(term))
          for (const member of group) {
            for (const term of member) {
              if (this.known.has(term)) add(parts[p], term, SYNONYM_BOOST / (standIn ? 1 : member.length))
            }
            // a phrase answers the part only with all its words
            if (member.every((term) => this.known.has(term)))
              covers[p].push([member, standIn ? 1 : SYNONYM_BOOST])
          }
        }
      }
      for (const part of parts) {
        // a word only the thesaurus knows is not looked up itself
        for (const term of [...part.keys()]) if (!this.known.has(term)) part.delete(term)
      }
      let keep = []
      parts.forEach((part, p) => {
        if (part.size) keep.push(p)
      })
      // content words: the function words drop out
      if (keep.some((p) => weights[p] === 1)) keep = keep.filter((p) => weights[p] === 1)
      const terms = new Map()
      for (const p of keep) for (const [term, boost] of parts[p]) add(terms, term, boost * weights[p])
      const keepCovers = (sets) => {
        const seen = new Set()
        return sets.filter(([set, credit]) => {
          const key = set.join(' ') + '/' + credit
          if (seen.has(key) || !set.every((t) => this.known.has(t))) return false
          seen.add(key)
          return true
        })
      }
      const plan = {
        terms,
        parts: keep.map((p) => parts[p]),
        weights: keep.map((p) => weights[p]),
        covers: keep.map((p) => keepCovers(covers[p])),
        alternative: null,
        titleOnly: keep.map(() => false),
      }
      // the sentence's final predicate is negated (…안 열려요, …안됨), not one on the way
      // (안 하고, 안 오게 해 주세요)
      const negated = units
        .slice(-2)
        .some((unit) => this.negation.has(unit) || this.negation.has(this.text.stem(unit)))
      if (negated && this.failure.length && plan.weights.some((w) => w === 1)) {
        // 안 열려요: something fails; a page about a failure says so in its title
        const failing = new Map(this.failure.map((term) => [term, SYNONYM_BOOST]))
        plan.parts.push(failing)
        plan.weights.push(1)
        plan.covers.push([...failing.keys()].map((term) => [[term], 1]))
        plan.titleOnly.push(true)
        for (const [term, boost] of failing) add(plan.terms, term, boost)
      }
      return plan
    }

    isWeak(word) {
      return this.weak.has(word) || this.weak.has(this.text.stem(word))
    }

    /** A word typed together that Korean spacing writes apart, apart again: a native numeral
     *  and its unit noun (두번됨 → 두 번 됨, 몇개 → 몇 개), and the negation adverbs 안 and 못
     *  before a predicate (안와 → 안 와, 못받음 → 못 받음). Never a word the site knows, one
     *  that starts with a word the site knows (안내문: 안내) or that may be the start of one
     *  (안드로 → 안드로이드), nor a function or thesaurus word. */
    detach(word) {
      if (word.length < 2 || !isHangul(word)) return [word]
      const numeral = this.numerals.find((n) => word.startsWith(n)) || ''
      const counter = numeral ? this.counters.find((c) => word.startsWith(c, numeral.length)) : ''
      let parts
      if (counter) {
        const rest = word.slice(numeral.length + counter.length)
        parts = rest ? [numeral, counter, rest] : [numeral, counter]
      } else if (this.negationAdverbs.has(word[0])) parts = [word[0], word.slice(1)]
      else return [word]
      const stem = this.text.stem(word)
      const startsKnown = () => {
        for (let end = 2; end <= stem.length; end++) if (this.known.has(stem.slice(0, end))) return true
        return false
      }
      const aWord =
        this.negation.has(word) ||
        this.negation.has(stem) ||
        this.isWeak(word) ||
        this.thesaurusWords.has(stem) ||
        startsKnown() ||
        this.prefixed(stem).length > 0
      return aWord ? [word] : parts
    }

    /** 비밀 번호 → 비밀번호, when the joined word is known and a part alone is not. */
    joinSplitWords(words) {
      const units = []
      let i = 0
      while (i < words.length) {
        if (i + 1 < words.length && isHangul(words[i]) && isHangul(words[i + 1])) {
          const joined = words[i] + words[i + 1]
          const stem = this.text.stem
          const bothKnown = this.known.has(stem(words[i])) && this.known.has(stem(words[i + 1]))
          if (this.known.has(stem(joined)) && !bothKnown) {
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
      const stem = this.text.stem(word)
      if (this.known.has(stem)) return [[[stem, 1]]]
      if ([...word].some(korean.isLatin))
        return this.english ? this.resolveEnglish(word) : this.resolveLatin(word)
      return this.resolveHangul(word)
    }

    /** An English word the index does not hold: a word still being typed (refu → refund,
     *  deletin → delet, the stem of deleting), else the known word one letter away (refnd →
     *  refund). Never read as Korean typed in English mode: this is an English site. */
    resolveEnglish(word) {
      if (word.length >= 3) {
        let expansions = this.prefixed(word)
        if (!expansions.length) expansions = this.prefixed(this.text.stem(word))
        if (!expansions.length) {
          // typed past a stem: deletin holds delet
          for (let end = word.length - 1; end > Math.max(3, word.length - 4); end--) {
            if (this.known.has(word.slice(0, end))) {
              expansions = [word.slice(0, end)]
              break
            }
          }
        }
        if (expansions.length) return [expansions.map((term) => [term, PREFIX_BOOST])]
      }
      const fixed = word.length >= 4 ? this.near(this.text.stem(word)) : []
      return fixed.length ? [[[fixed[0], TYPO_BOOST]]] : []
    }

    /** Known English words first; else the word was Korean typed in English mode. */
    resolveLatin(word) {
      const expansions = word.length >= 3 ? this.prefixed(word) : []
      if (expansions.length) return [expansions.map((term) => [term, PREFIX_BOOST])]
      const hangul = korean.fromQwerty(this.typed.has(word) ? this.typed.get(word) : word)
      if (isSyllablesOrDigits(hangul)) return this.resolveHangul(hangul)
      return []
    }

    resolveHangul(word) {
      const stem = korean.stem(word)
      if (this.known.has(stem)) return [[[stem, 1]]]
      if (this.thesaurusWords.has(stem)) return [[[stem, 0]]]
      if (korean.isChosungWord(word)) return this.byChosung(word)
      if (!isSyllablesOrDigits(stem)) return []
      const splits = this.segment(stem)
      if (!splits.length) return this.unsplit(stem)
      const [pieces, gaps] = splits[0]
      if (gaps.length) {
        // a typo can leave a known word inside: 비빌번호 holds 번호
        const whole = this.corrected(stem)
        if (whole.length) return [[[whole[0], TYPO_BOOST]]]
      }
      if (splits.length > 1) this.second = this.splitParts(splits[1][0], splits[1][1])
      return this.splitParts(pieces, gaps)
    }

    unsplit(stem) {
      const expansions = stem.length >= 2 ? this.prefixed(stem) : []
      if (expansions.length) return [expansions.map((term) => [term, PREFIX_BOOST])]
      const fixed = this.corrected(stem)
      return fixed.length ? [[[fixed[0], TYPO_BOOST]]] : []
    }

    splitParts(pieces, gaps) {
      const fixed = gaps.flatMap((gap) => this.corrected(gap).map((t) => [[t, TYPO_BOOST]]))
      return pieces.map((piece) => [[piece, 1]]).concat(fixed)
    }

    /** The best two ways to read a run-together word as known words (이모티콘환불 →
     *  이모티콘 + 환불), with the runs of syllables left between them. Cheaper first: fewer
     *  syllables left over, then fewer (so longer) pieces, then rarer pieces. */
    segment(word) {
      const n = word.length
      // best[i]: up to two [cost, steps] for word[:i]; a step is a known piece ("p") or a
      // syllable left over ("").
      const best = [[[[0, 0, 0], []]]]
      for (let i = 1; i <= n; i++) {
        const options = best[i - 1].map(([cost, steps]) => [
          [cost[0] + 1, cost[1], cost[2]],
          steps.concat([['', word[i - 1]]]),
        ])
        for (let j = 0; j < i - 1; j++) {
          const piece = word.slice(j, i)
          if (!this.known.has(piece)) continue
          for (const [cost, steps] of best[j]) {
            options.push([[cost[0], cost[1] + 1, cost[2] + this.df(piece)], steps.concat([['p', piece]])])
          }
        }
        options.sort((a, b) => compareCost(a[0], b[0])) // stable: ties keep their order
        best.push(options.slice(0, 2))
      }
      const splits = []
      for (const [, steps] of best[n]) {
        const pieces = steps.filter(([kind]) => kind).map(([, text]) => text)
        const gaps = []
        steps.forEach(([kind, text], k) => {
          if (kind) return
          if (k && !steps[k - 1][0]) gaps[gaps.length - 1] += text
          else gaps.push(text)
        })
        if (pieces.length) splits.push([pieces, gaps])
      }
      return splits
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

    /** ㅂㅁㅂㅎ → 비밀번호: a whole word; else a keyword phrase (ㅈㅁㅊㅅ → 주문 취소); else
     *  the fewest known words the consonants spell one after another; else words the
     *  consonants begin. Candidates are ranked later (rankChosungCandidates). */
    byChosung(word) {
      const chosungs = this.chosungIndex()
      if (chosungs.has(word)) return [chosungs.get(word).map((term) => [term, 1])]
      const phrase = this.phraseCodeIndex().get(word)
      if (phrase) return phrase.map((term) => [[term, 1]])
      const pieces = this.chosungSplit(word)
      if (pieces.length) return pieces.map((piece) => chosungs.get(piece).map((term) => [term, 1]))
      const begun = []
      for (const [code, terms] of chosungs) {
        if (code.length > word.length && code.startsWith(word)) begun.push(...terms)
      }
      return [this.best(begun, true).map((term) => [term, PREFIX_BOOST])]
    }

    /** Initial consonants → the known Hangul words they spell. */
    chosungIndex() {
      if (!this.chosungs) {
        this.chosungs = new Map()
        for (const term of this.vocab) {
          if (term.length < 2 || !isHangul(term)) continue
          const code = korean.chosung(term)
          if (!this.chosungs.has(code)) this.chosungs.set(code, [])
          this.chosungs.get(code).push(term)
        }
      }
      return this.chosungs
    }

    /** Initial consonants of each keyword phrase (주문 취소 → ㅈㅁㅊㅅ), first phrase kept. */
    phraseCodeIndex() {
      if (!this.phraseCodes) {
        this.phraseCodes = new Map()
        for (const phrase of this.phrases) {
          const code = phrase.map(korean.chosung).join('')
          if (phrase.every((term) => this.known.has(term)) && !this.phraseCodes.has(code))
            this.phraseCodes.set(code, phrase)
        }
      }
      return this.phraseCodes
    }

    /** ㅈㅂㄱㅈ → [ㅈㅂ, ㄱㅈ]: the fewest pieces of two or more consonants, each the initials
     *  of a known word; ties: the first found. */
    chosungSplit(word) {
      const chosungs = this.chosungIndex()
      const n = word.length
      const best = new Array(n + 1).fill(null)
      best[0] = []
      for (let i = 2; i <= n; i++) {
        for (let j = 0; j < i - 1; j++) {
          if (best[j] === null || !chosungs.has(word.slice(j, i))) continue
          const candidate = best[j].concat([word.slice(j, i)])
          if (best[i] === null || candidate.length < best[i].length) best[i] = candidate
        }
      }
      return best[n] || []
    }

    /** Among the words initial consonants can spell, keep those that explain most of the
     *  query: first a word that shares a title or keyword list with words of more of the
     *  query's other parts, then one in more titles, then a more common one. The best keeps
     *  its boost; the others that explain as much (MAX_EXPANSIONS in all) count less. */
    rankChosungCandidates(parts, chosung) {
      for (const p of chosung) {
        const part = parts[p]
        if (part.size <= 1) continue
        const others = []
        parts.forEach((other, q) => {
          if (q === p || !other.size) return
          const docs = new Set()
          for (const term of other.keys()) for (const doc of this.titleDocs(term)) docs.add(doc)
          others.push(docs)
        })
        const ranked = [...part.keys()].map((term) => {
          const docs = this.titleDocs(term)
          let explained = 0
          for (const other of others) {
            for (const doc of docs) {
              if (other.has(doc)) {
                explained += 1
                break
              }
            }
          }
          return [-explained, -docs.size, -this.df(term), term]
        })
        ranked.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || byCodePoint(a[3], b[3]))
        const kept = ranked
          .filter((key) => key[0] === ranked[0][0])
          .slice(0, MAX_EXPANSIONS)
          .map((key) => key[3])
        const boosts = kept.map((term, i) => [term, part.get(term) * (i === 0 ? 1 : PREFIX_BOOST)])
        part.clear()
        for (const [term, boost] of boosts) part.set(term, boost)
      }
    }

    /** Documents whose title or keywords hold the term (empty until its piece is here). */
    titleDocs(term) {
      const t = this.termIds.get(term)
      if (t === undefined) return new Set()
      if (!this.titles.has(t)) {
        const entries = this.data.entries(t)
        if (!entries) return new Set()
        const docs = new Set()
        for (const slot of this.titleSlots) for (const doc of entries[slot].docs) docs.add(doc)
        this.titles.set(t, docs)
      }
      return this.titles.get(t)
    }

    /** The known word one jamo away (환볼 → 환불), if there is one. */
    corrected(word) {
      if (word.length < 2) return []
      const candidates = this.sameLength(word.length).filter((term) => oneJamoApart(word, term))
      return this.best(candidates).slice(0, 1)
    }

    /** Known words within one jamo of a word (a jamo added, dropped or changed). */
    near(word) {
      if (word.length < 2 || this.isWeak(word)) return []
      const candidates = []
      for (const length of [word.length - 1, word.length, word.length + 1]) {
        for (const term of this.sameLength(length)) {
          if (term !== word && korean.jamoDistance(word, term) === 1) candidates.push(term)
        }
      }
      return this.best(candidates)
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
      return this.data.counts[this.termIds.get(term)]
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

    /** Pages best first — [page, integer score, its documents best first] — the plan used,
     *  and whether the pages are only approximate. */
    rank(query) {
      // A query's ranking needs only term pieces, and pieces only arrive: a complete ranking
      // stays true while settle fetches the rows to show it (no second run of the whole query).
      if (this.ranked?.query === query) return this.ranked.result
      const result = this.rankNow(query)
      if (!this.data.missing.size) this.ranked = { query, result }
      return result
    }

    rankNow(query) {
      let plan = this.analyze(query)
      let [pages, cover] = this.rankPlan(plan)
      // pieces still to come: fetch them before looking further (settle asks again)
      if (this.data.missing.size) return { pages: [], plan, approximate: false }
      if (plan.alternative && cover < 1) {
        const [other, otherCover] = this.rankPlan(plan.alternative)
        if (otherCover > cover) {
          plan = plan.alternative
          pages = other
        }
      }
      if (pages.length || !query) return { pages, plan, approximate: false }
      const approximate = this.approximatePlan(query)
      if (!approximate) return { pages: [], plan, approximate: false }
      return { pages: this.rankPlan(approximate)[0], plan: approximate, approximate: true }
    }

    approximatePlan(query) {
      const words = this.queryWords(query)
      const parts = []
      for (const word of words) {
        const latin = [...word].some(korean.isLatin)
        const hangul = latin && !this.english ? korean.fromQwerty(word) : word
        for (const candidate of unique([this.text.stem(word), word, korean.stem(hangul)])) {
          const found = this.near(candidate)
          if (found.length) {
            parts.push(new Map(found.map((term) => [term, TYPO_BOOST])))
            break
          }
        }
      }
      if (!parts.length) return null
      const terms = new Map()
      for (const part of parts) for (const [term, boost] of part) add(terms, term, boost)
      return {
        terms,
        parts,
        weights: parts.map(() => 1),
        covers: parts.map((part) => [...part.keys()].map((t) => [[t], 1])),
        alternative: null,
      }
    }

    /**
     * lunr's Index.query over the plan's terms (optional clauses of exact terms, never lunr's
     * query syntax), step for step on the terms' entries rather than on a lunr index built
     * for each query: a term matches, per field, its CHAMPIONS best documents (lunrpack.expand);
     * a matching document field scores the dot product of its vector with the query vector
     * (each term's boost) over the terms both hold, added in term order, divided by the query
     * vector's length; a document's score adds its fields' in the order lunr meets them
     * (by clause, field, document). The same additions in the same order: the same floats as
     * lunr.js and lunr.py. Null while a term's piece is missing; else the matched documents,
     * in the order lunr meets them, with their scores and, per document, which terms matched
     * in a coverage field and in a title field (what rankPlan reads of lunr's matchData), as
     * bit sets over `terms` (Scratch, below: typed arrays, so a query allocates next to nothing
     * per match: a first query runs cold, where garbage is what costs).
     */
    query(terms) {
      const found = []
      for (const [term, boost] of terms) {
        const t = this.termIds.get(term)
        const entries = this.data.entries(t)
        if (entries) found.push([term, t, entries, boost])
      }
      if (this.data.missing.size) return null
      const docs = this.data.pageOf.length
      const byNumber = [...found].sort((a, b) => a[1] - b[1])
      let squares = 0 // the query vector's length, its elements in term order
      for (const [, , , boost] of byNumber) squares += boost * boost
      const length = Math.sqrt(squares)
      const scratch = this.scratch(found.length)
      const { first, keyTerms, dot, words, keys } = scratch
      // A first query runs these loops cold, on up to tens of thousands of postings: what they
      // read is held in locals, so each step is a few bytecodes (a query's first answer).
      // A (field slot, document) pair is one number: slot · docs + document.
      found.forEach(([, t, entries], f) => {
        if (!this.champions.has(t)) this.champions.set(t, champions(entries))
        const bit = 1 << (f & 31)
        const word = f >>> 5
        this.champions.get(t).forEach((matched, slot) => {
          const base = slot * docs
          for (let i = 0, n = matched.length; i < n; i++) {
            const key = base + matched[i]
            if (!first[key]) {
              first[key] = 1
              keys.push(key)
            }
            keyTerms[key * words + word] |= bit
          }
        })
      })
      for (const [, , entries, boost] of byNumber) {
        entries.forEach(({ docs: matched, scores }, slot) => {
          const base = slot * docs
          for (let i = 0, n = matched.length; i < n; i++) {
            const key = base + matched[i]
            if (first[key]) dot[key] += boost * scores[i]
          }
        })
      }
      const { score, seen, cover, title } = scratch
      const { coverSlot, titleSlot } = this
      for (let k = 0, n = keys.length; k < n; k++) {
        const key = keys[k]
        const doc = key % docs
        const slot = (key - doc) / docs
        const value = dot[key] / length || 0
        if (seen[doc]) score[doc] += value
        else {
          seen[doc] = 1
          score[doc] = value
          scratch.docs.push(doc)
        }
        if (coverSlot[slot])
          for (let w = 0; w < words; w++) cover[doc * words + w] |= keyTerms[key * words + w]
        if (titleSlot[slot])
          for (let w = 0; w < words; w++) title[doc * words + w] |= keyTerms[key * words + w]
      }
      return { terms: found.map((entry) => entry[0]), scratch }
    }

    /** Buffers for query(), kept for the Searcher's life and cleared before each use (so a
     *  query's answer never waits for the clearing of its own): numbers per (slot, document)
     *  and per document, and bit sets of `count` terms. */
    scratch(count) {
      const words = Math.max(1, Math.ceil(count / 32))
      if (this.buffers && this.buffers.words >= words) this.clearScratch()
      else {
        const docs = this.data.pageOf.length
        const pairs = docs * this.data.fields.length
        this.buffers = {
          words,
          first: new Uint8Array(pairs), // the pair matched some term
          keyTerms: new Uint32Array(pairs * words), // which terms it matched
          dot: new Float64Array(pairs),
          seen: new Uint8Array(docs),
          score: new Float64Array(docs),
          cover: new Uint32Array(docs * words), // which terms a document matched, in coverage fields
          title: new Uint32Array(docs * words), // … in title fields
          pageCover: new Uint32Array(docs * words), // … in any of its page's documents (pagesOf)
          // per page, at its own document's number (pagesOf)
          pageSeen: new Uint8Array(docs),
          best: new Float64Array(docs), // its best document's points
          bestDoc: new Int32Array(docs), // … and that document
          total: new Float64Array(docs), // all its documents' points
          ranked: new Float64Array(docs), // its score
          pages: [], // the pages seen
          keys: [], // matched pairs, in the order lunr meets them
          docs: [], // matched documents, likewise
        }
      }
      return this.buffers
    }

    /** Clear what the last query() and pagesOf() wrote into the buffers. */
    clearScratch() {
      const buffers = this.buffers
      const { first, keyTerms, dot, seen, score, cover, title, pageCover, pageSeen, words, keys, docs } =
        buffers
      for (const key of keys) {
        first[key] = 0
        dot[key] = 0
        for (let w = key * words; w < (key + 1) * words; w++) keyTerms[w] = 0
      }
      for (const doc of docs) {
        seen[doc] = 0
        score[doc] = 0
        for (let w = doc * words; w < (doc + 1) * words; w++) cover[w] = title[w] = 0
        const page = this.data.pageOf[doc]
        for (let w = page * words; w < (page + 1) * words; w++) pageCover[w] = 0
      }
      for (const page of buffers.pages) pageSeen[page] = 0
      buffers.pages = []
      keys.length = 0
      docs.length = 0
    }

    /** Pages for a plan, best first, and the best coverage any page reached. */
    rankPlan(plan) {
      if (!plan.terms.size || this.data.missing.size) return [[], 0]
      const matched = this.query(plan.terms)
      if (!matched) return [[], 0]
      return this.pagesOf(plan, matched)
    }

    /** The pages of query()'s matches, best first (the first RANKED_PAGES), each [page, integer
     *  score, its documents' [number, integer score] best first], and the best coverage any
     *  page reached. A page's score needs only its best document's points and the sum of the
     *  others': those are kept per page in the scratch buffers, and the documents are listed
     *  only for the pages returned. */
    pagesOf(plan, { terms, scratch }) {
      const { score, cover, title, words, pageCover, pageSeen } = scratch
      const { best, bestDoc, total: pageTotal, ranked } = scratch // per page
      const pageOf = this.data.pageOf
      const points = (doc) => Math.floor(score[doc] * SCORE_SCALE + 0.5)
      const pageList = []
      scratch.pages = pageList // the pages seen, as they are: what clearScratch clears
      const matched = scratch.docs
      for (let d = 0, n = matched.length; d < n; d++) {
        const doc = matched[d]
        const page = pageOf[doc]
        const own = points(doc)
        if (!pageSeen[page]) {
          pageSeen[page] = 1
          pageList.push(page)
          best[page] = pageTotal[page] = own
          bestDoc[page] = doc
        } else {
          pageTotal[page] += own
          // the page's best document: the higher score, then the lower number
          if (own > best[page] || (own === best[page] && doc < bestDoc[page])) {
            best[page] = own
            bestDoc[page] = doc
          }
        }
        // the terms the page's documents cover, at the page's own document
        for (let w = 0; w < words; w++) pageCover[page * words + w] |= cover[doc * words + w]
      }
      // each part's term sets as bit sets over the query's terms
      const bitOf = new Map(terms.map((term, f) => [term, f]))
      const bitsOf = (set) => {
        const bits = new Uint32Array(words)
        for (const term of set) {
          if (!bitOf.has(term)) return null
          const f = bitOf.get(term)
          bits[f >>> 5] |= 1 << (f & 31)
        }
        return bits
      }
      const sets = plan.covers.map((options) => options.map(([set, credit]) => [bitsOf(set), credit]))
      const weights = sum(plan.weights)
      const noTitle = new Uint32Array(words)
      // Most pages of a query hold one of a few sets of its terms: each pair of sets (covered,
      // in the title) has its shares worked out once (when the terms fit one word of bits).
      const shares = new Map() // covered bits → title bits → [cover share, title share]
      const sharesOf = (held, heldAt, inTitle, titleAt) => [
        share(plan, sets, held, heldAt, inTitle, titleAt) / weights,
        share(plan, sets, inTitle, titleAt, inTitle, titleAt) / weights,
      ]
      let bestCover = 0
      for (const page of pageList) {
        const rest = pageTotal[page] - best[page] // integers: exact
        const base = best[page] + OTHER_DOCS * Math.min(rest, best[page])
        // the title terms are the page's own document's (a section's title is no page title)
        const inTitle = scratch.seen[page] ? title : noTitle
        const titleAt = scratch.seen[page] ? page * words : 0
        let pair
        if (words === 1) {
          const covered = pageCover[page]
          const titled = inTitle[titleAt]
          let byTitle = shares.get(covered)
          if (!byTitle) shares.set(covered, (byTitle = new Map()))
          pair = byTitle.get(titled)
          if (!pair) byTitle.set(titled, (pair = sharesOf(pageCover, page, inTitle, titleAt)))
        } else pair = sharesOf(pageCover, page * words, inTitle, titleAt)
        const [coverShare, titleShare] = pair
        bestCover = Math.max(bestCover, coverShare)
        ranked[page] = Math.floor(base * coverShare * (1 + TITLE_WEIGHT * titleShare) + 0.5)
      }
      const top = new Map(topPages(pageList, ranked, bestDoc).map((page) => [page, []]))
      for (const doc of scratch.docs) top.get(pageOf[doc])?.push([doc, points(doc)])
      const pages = []
      for (const [page, hits] of top) {
        hits.sort((a, b) => b[1] - a[1] || a[0] - b[0])
        pages.push([page, ranked[page], hits])
      }
      return [pages, bestCover]
    }

    /** Pages, each scored from its own document and its sections together (at most
     *  RANKED_PAGES). */
    search(query, limit = 5) {
      const { pages, approximate } = this.rank(query)
      const rows = pages.slice(0, limit).map(([page]) => this.data.row(page))
      if (this.data.missing.size) return []
      return pages.slice(0, limit).map(([, score], i) => {
        const [location, title, summary] = rows[i]
        return { title, location, summary, score: score / SCORE_SCALE, approximate }
      })
    }

    /** Material's search result: documents grouped by page, text escaped, matches marked.
     *  Approximate pages carry a hidden marker in their title (empty.js says so above them). */
    materialResult(query, maxPages = MATERIAL_PAGES) {
      const { pages, plan, approximate } = this.rank(query)
      const terms = plan.terms
      const marker = highlighter([...terms.keys()])
      const flag = approximate ? APPROXIMATE_MARK : ''
      const shown = pages.slice(0, maxPages)
      for (const [page, , hits] of shown) {
        this.data.row(page)
        for (const [ref] of hits) this.data.row(ref)
      }
      const suggest = this.suggest(query, pages)
      if (this.data.missing.size) return { items: [], suggest: [], approximate }
      const items = shown.map(([page, pageScore, hits]) => {
        const docs = hits.map(([ref, score]) => {
          const [location, title, text] = this.data.row(ref)
          return { location, title, text, score: score / SCORE_SCALE, ref }
        })
        const own = docs.find((doc) => doc.ref === page)
        const [location, title, text] = this.data.row(page)
        const pageDoc = own || { location, title, text, score: 0 }
        // Material shows the page first and its sections below, best first.
        const ordered = [pageDoc, ...docs.filter((doc) => doc !== own)]
        return ordered.map((doc) => ({
          location: doc.location,
          title: (doc === pageDoc ? flag : '') + marker(doc.title),
          text: marker(doc.text),
          score: doc === pageDoc ? pageScore / SCORE_SCALE : doc.score,
          terms: matchedTerms(terms, doc),
        }))
      })
      return { items, suggest, approximate }
    }

    /** Material completes the word being typed with the last suggestion: 비밀 → 비밀번호. */
    suggest(query, pages) {
      const typed = this.text.words(String(query || ''))
      const last = typed[typed.length - 1]
      if (!last) return []
      for (const [ref] of firstHits(pages, 5)) {
        const row = this.data.row(ref)
        if (!row) continue // its piece is on its way: settle asks again
        // an English title's words as written (a stem such as delet is no word to show)
        const words = this.english
          ? this.text.words(row[1]).filter((w) => !this.text.isStopWord(w))
          : korean.tokens(row[1])
        for (const word of words) {
          if (word.length > last.length && word.startsWith(last)) return [word]
        }
      }
      return []
    }
  }

  // Pages a ranking lists with their documents: more than any caller shows (the worker's
  // search answers at most 50; Material's list shows MATERIAL_PAGES).
  const RANKED_PAGES = 50

  // Pages in the header search's list: what Material draws before the visitor scrolls (it draws
  // ten at a time). Each page shown needs its row piece, fetched before the list can show, so
  // a longer list would make every first answer wait for pieces nobody looks at.
  const MATERIAL_PAGES = 10

  // An empty element empty.js looks for: the list holds pages near the query, not matches.
  const APPROXIMATE_MARK = '<span class="doum-search-approximate" hidden></span>'

  /** The documents a term matches, per field, in order: its CHAMPIONS best-scoring ones (ties:
   *  lower document first), as lunrpack.expand keeps them in its lunr posting. */
  function champions(entries) {
    return entries.map(({ docs, scores }) => {
      if (docs.length <= CHAMPIONS) return docs
      // the CHAMPIONS-th best score: every document above it is in, then those at it, lower
      // documents first (a native numeric sort, not a sort of every posting by a comparator)
      const threshold = scores.slice().sort()[scores.length - CHAMPIONS]
      let above = 0
      for (let i = 0, n = scores.length; i < n; i++) if (scores[i] > threshold) above++
      const kept = new Int32Array(CHAMPIONS)
      for (let i = 0, n = 0, level = CHAMPIONS - above, count = docs.length; i < count; i++) {
        const value = scores[i]
        if (value > threshold || (value === threshold && level-- > 0)) kept[n++] = docs[i]
      }
      return kept
    })
  }

  /** The RANKED_PAGES best pages, best first (then the lower best document): a native sort
   *  finds the rank to reach, and only the pages that reach it are sorted by a comparator. */
  function topPages(pages, ranked, bestDoc) {
    let candidates = pages
    if (pages.length > RANKED_PAGES) {
      const ranks = new Float64Array(pages.length)
      for (let i = 0; i < pages.length; i++) ranks[i] = ranked[pages[i]]
      const threshold = ranks.sort()[pages.length - RANKED_PAGES]
      candidates = pages.filter((page) => ranked[page] >= threshold)
    }
    return candidates.sort((a, b) => ranked[b] - ranked[a] || bestDoc[a] - bestDoc[b]).slice(0, RANKED_PAGES)
  }

  /** The first `count` documents of pages best first, each page's best first. */
  function firstHits(pages, count) {
    const hits = []
    for (const page of pages) {
      for (const hit of page[2]) {
        if (hits.length === count) return hits
        hits.push(hit)
      }
    }
    return hits
  }

  function add(terms, term, boost) {
    terms.set(term, Math.max(terms.get(term) || 0, boost))
  }

  /** The terms a document shows (Material links them as ?h= to highlight on the page). */
  function matchedTerms(terms, doc) {
    const text = korean.normalize(doc.title + ' ' + doc.text)
    const result = {}
    for (const term of terms.keys()) if (text.includes(term)) result[term] = true
    return result
  }

  const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
  const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch])
  const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

  /** text → escaped HTML with <mark> around the query's terms (the only markup added). */
  function highlighter(terms) {
    const usable = terms.filter((term) => term.length >= 1).sort((a, b) => b.length - a.length)
    if (!usable.length) return escapeHtml
    const pattern = new RegExp(usable.map(escapeRegExp).join('|'), 'gi')
    return (text) => {
      let out = ''
      let last = 0
      for (const match of String(text).matchAll(pattern)) {
        if (!match[0]) continue
        out += escapeHtml(text.slice(last, match.index)) + '<mark>' + escapeHtml(match[0]) + '</mark>'
        last = match.index + match[0].length
      }
      return out + escapeHtml(String(text).slice(last))
    }
  }

  /** Run a query on the Searcher until no piece it needs is missing, fetching them between
   *  runs (each run is synchronous; a query needs at most a few rounds). */
  async function settle(searcher, run) {
    for (;;) {
      searcher.data.missing.clear()
      const result = run()
      if (!searcher.data.missing.size) return result
      await searcher.data.fetchMissing()
    }
  }

  /**
   * The one way to open doum's search: the manifest's URL (search/doum.json, on this site or
   * another) → a promise of {search(query, limit), materialResult(query)}, both async. It reads
   * the manifest and the language's entry; a query fetches the pieces it needs (each once; a small
   * index, all of them as it opens).
   * `fetch` defaults to the global one; a failed fetch rejects (the caller shows a way to
   * contact support) and is tried again by the next call. `lunr`: a function that loads lunr.js
   * (a promise of it, or it), called only when the chosen entry is English.
   */
  async function openSearcher(manifestURL, { fetch: get = (url) => fetch(url), language, lunr } = {}) {
    const base = new URL(manifestURL, typeof location !== 'undefined' ? location.href : undefined)
    const json = async (url) => {
      const response = await get(url.href)
      if (!response.ok) throw new Error(`doum search: ${url} answered ${response.status}`)
      return response.json()
    }
    const manifest = await json(base)
    if (manifest.format !== FORMAT)
      throw new Error(`doum search: ${base} has index format ${manifest.format}; this page reads ${FORMAT}`)
    // the page's language (en-US: en), else the manifest's default
    const asked = String(language || '').toLowerCase()
    const chosen =
      manifest.languages[asked] ||
      manifest.languages[asked.split('-')[0]] ||
      manifest.languages[manifest.default]
    const entry = await json(new URL(chosen.entry, base))
    const english = entry.language === 'en' && lunr ? await lunr() : null
    const searcher = new Searcher(entry, {}, (name) => json(new URL(name, base)), english)
    if (entry.preload) searcher.data.preload()
    return {
      search: (query, limit = 5) => settle(searcher, () => searcher.search(query, limit)),
      materialResult: (query) => settle(searcher, () => searcher.materialResult(query)),
    }
  }

  return { Searcher, openSearcher, escapeHtml, highlighter, APPROXIMATE_MARK }
})
