"""Clauses of a sentence and the role each unit plays in its clause.

A sentence is cut into clauses by what opens an embedded one: a relative word after a comma
(«, в ходе которой», «, с кем»), a participle or gerund after a comma or opening the sentence
(«, поблагодарив его», «Встретившись с коллективом,»), a subordinating conjunction («, что»,
«, чтобы»), a contrast («, а», «, но»), direct speech in quotes. What is left is the main clause.

A unit's role comes from the word before it, read the way Russian marks it:
  with      «с» + the unit («встретился с X»); «совместно с»
  between   «между» + the unit
  before    «перед» + the unit («отчитался перед главой округа»)
  head      «во главе с» + the unit (a delegation's head)
  together  «вместе с», «совместно с» + the unit: on the subject's side
  side      «со стороны» + the unit
  witness   «в присутствии» + the unit
  at        «в», «на» + the unit (a place or venue)
  gen       the genitive of a trigger noun («встреча X с Y»)
  slot      the genitive of «должность», «пост», «полномочия»: a post and its holder
  dep       a dependent of another noun or unit («Правительство | Тульской области»): no side
  other     another preposition
and, with nothing before it that says more, by its case: subj (nominative), obj (accusative),
gen_case, ins, dat, loc, none. A unit after «и» or a comma takes the role of the list it
continues; a unit in the genitive of a group noun («с членами Комитета», «делегация Китая») or
of a post nobody named («с руководителем Минпромторга») takes the group's role.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.facts.units import Scene, Unit, may_be_nominative, unit_case
from extractor.lexicon.facts import group_nouns, words
from extractor.lexicon.orgs import event_heads, org_heads
from extractor.lexicon.posts import match_post_head
from extractor.nlp.phrases import DASHES, OPEN_QUOTES, SETTLEMENT_ABBREVIATIONS, SETTLEMENT_WORDS
from extractor.nlp.tagging import Token

RELATIVE_WORDS = frozenset({"который", "кто", "где", "когда", "куда", "откуда", "чей"})
# a clause of time or condition opening the sentence, up to its comma: «Когда разговор закончился,
# компания заключила соглашение с областью» (the talk is no side of the agreement's clause)
OPENING_SUBORDINATORS = frozenset({"когда", "если", "пока", "хотя", "поскольку"})
SUBORDINATORS = frozenset({"что", "чтобы", "если", "поскольку", "хотя", "пока", "ведь", "так"})
CONTRASTS = frozenset({"а", "но", "однако"})
CLOSE_QUOTES = frozenset({"»", "“", '"'})
CLOSE_OF = {"«": "»", "„": "“", "“": "”"}
MODIFIER_POS = frozenset({"ADJ", "DET", "NUM"})
CASE_ROLES = {"Nom": "subj", "Acc": "obj", "Gen": "gen_case", "Ins": "ins", "Dat": "dat", "Loc": "loc"}
LIST_WORDS = frozenset({",", "и", "также", "а"})
# possessive pronouns before a unit, which the tagger reads as pronouns: «во главе с его заместителем»
POSSESSIVE_PRONOUNS = frozenset({"его", "её", "ее", "их"})

# «в г. Могилеве», «в пос. Заречный»: the abbreviation and its dot stand between
PLACE_ABBREVIATIONS = SETTLEMENT_ABBREVIATIONS | {"."}


@dataclass
class Clause:
    sent: int
    tokens: set[int]
    kind: str  # main | embedded | contrast | quote
    parent: Clause | None = None
    intro: int | None = None  # the token opening an embedded clause
    # roles by (unit's first token, the trigger nouns they were read for): a genitive is a side of
    # «встречи» read as the trigger, a dependent otherwise
    _roles: dict[tuple[int, frozenset[int]], str] = field(default_factory=dict)

    @property
    def first(self) -> int:
        return min(self.tokens)

    def __contains__(self, tok: int) -> bool:
        return tok in self.tokens


# ---------------------------------------------------------------- clauses


def _opens_embedded(scene: Scene, k: int, end: int) -> bool:
    toks = scene.toks
    tok = toks[k]
    if tok.lemma == "пока" and k + 1 < end and toks[k + 1].lemma == "не":
        return False  # «пока не подписал»: not yet, no clause of its own
    if tok.lemma in RELATIVE_WORDS or tok.lemma in SUBORDINATORS and tok.pos in ("SCONJ", "PRON", "ADV"):
        return True
    if tok.pos == "ADP":  # «, в ходе которой», «, с кем»
        return any(toks[j].lemma in RELATIVE_WORDS for j in range(k + 1, min(end, k + 3)))
    if _side_word_before_relative(toks, k, end):
        return True  # «, участниками которого стали»
    if tok.pos == "NOUN" and tok.case == "Ins" and k + 1 < end and toks[k + 1].lemma == "который" and (
        toks[k + 1].case == "Gen"
    ):
        return True  # «, инициатором которого выступила», «, автором которого стал»: what one was of it
    while tok.pos == "ADV" and k + 1 < end:  # «, ранее занимавший пост ...»
        k += 1
        tok = toks[k]
    return tok.feats.get("VerbForm") in ("Part", "Conv") and tok.feats.get("Variant") != "Short"


def _side_word_before_relative(toks: list[Token], k: int, end: int) -> bool:
    """A side's word right before a genitive «который», opening the relative clause it belongs to:
    «, участниками которого стали», «, сторонами которого выступили»."""
    return toks[k].pos == "NOUN" and k + 1 < end and toks[k + 1].lemma == "который" and (
        toks[k + 1].case == "Gen" and (toks[k].lemma == "сторона" or toks[k].lemma in words("side_role"))
    )


def _embedded_end(scene: Scene, k: int, end: int, units: dict[int, Unit]) -> int:
    """Where an embedded clause opened at k ends: a comma not continuing a list, a dash, a
    bracket or the sentence's end."""
    toks = scene.toks
    j = k + 1
    while j < end:
        if j in units:  # a name's own quotes and commas: «Единая Россия»
            j = max(units[j].last, j + 1)
            continue
        text = toks[j].text
        if text in ("–", "—", ")", ";", ":") or text in CLOSE_QUOTES:
            return j
        past = past_date_aside(scene, j) if text == "," else None
        if past is not None and past < end and _restates_a_date(scene, j):
            j = past  # «подписавших в среду, 11 марта 2026 года, договор»: a date set off by commas
            continue
        if text == "," and _parent_list_goes_on(scene, k, j, units):
            return j
        if text == "," and not (j + 1 < end and (_list_goes_on(scene, j, units) or _and_more(scene, j, end, units))):
            return j
        j += 1
    return end


def _parent_list_goes_on(scene: Scene, k: int, comma: int, units: dict[int, Unit]) -> bool:
    """«с АО «Ояш-Молоко», где содержится 2,4 тысячи коров, и с кооперативом «Дивинский»»: «и» and the
    preposition of the name the clause at k describes go on with that name's list, not the clause."""
    toks = scene.toks
    if comma + 2 >= len(toks) or toks[comma + 1].text != "и" or toks[comma + 2].pos != "ADP":
        return False
    if k < 2 or toks[k - 1].text != ",":
        return False
    described = next((u for u in units.values() if u.last == k - 1), None)
    return described is not None and described.first > 0 and (
        toks[described.first - 1].text.lower() == toks[comma + 2].text.lower()
    )


def _restates_a_date(scene: Scene, comma: int) -> bool:
    """The date after the comma says again the day of one right before it («в среду, 11 марта»); not
    «который стоит без работы с 2021 года, во вторник, 7 октября, обсуждали»: the clause ends there."""
    toks = scene.toks
    before = next((d for d in scene.doc.dates if d.end == toks[comma - 1].end), None) if comma > 0 else None
    after = next((d for d in scene.doc.dates if d.start == toks[comma + 1].start), None)
    return before is not None and after is not None and before.value == after.value


def past_date_aside(scene: Scene, comma: int) -> int | None:
    """After a comma, a date the release names closed by another comma: the token after that comma."""
    toks = scene.toks
    if comma + 1 >= len(toks):
        return None
    start = toks[comma + 1].start
    date = next((d for d in scene.doc.dates if d.start == start), None)
    last = scene.tagged.token_ending(date.end) if date is not None else None
    return last + 2 if last is not None and last + 1 < len(toks) and toks[last + 1].text == "," else None


def _and_more(scene: Scene, comma: int, end: int, units: dict[int, Unit]) -> bool:
    """«, и» going on with the same clause, not with a predicate of its own («..., и по его
    предложению назначен X»)."""
    if scene.toks[comma + 1].text != "и":
        return False
    in_unit = {k for u in units.values() for k in range(u.first, u.last)}
    return not _own_predicate(scene, comma + 2, end, in_unit)


def _list_goes_on(scene: Scene, comma: int, units: dict[int, Unit]) -> bool:
    """«с X, Y и Z»: a unit after the comma in the case of the word before it continues a list;
    «Встретившись с коллективом, Николай Николаевич» starts the main clause."""
    nxt = units.get(comma + 1)
    if nxt is None or _predicate(scene.toks[comma - 1]):
        return False  # after a verb a name starts a clause: «Когда разговор закончился, ООО «X» заключило»
    prev = next((u for u in units.values() if u.last == comma), None)
    if prev is None:
        return False  # a list goes on after a unit: not «когда директор ушёл на пенсию, | завод вёл X»
    # the case of the name before, not of its last word: «министерством ... области, | техникумом»
    before, after = unit_case(scene, prev) or scene.toks[comma - 1].case, unit_case(scene, nxt)
    return before is None or after is None or before == after


def _quotes(scene: Scene, first: int, last: int, units: dict[int, Unit]) -> list[tuple[int, int]]:
    """Direct speech: quoted runs of four words or more that are no name. Quotes pair up in
    order, straight ones alternating («"Вертолетов России" досрочно...» is a name, then text)."""
    toks = scene.toks
    inside = {k for u in units.values() for k in range(u.first + 1, u.last)}
    out = []
    k = first
    while k < last:
        if toks[k].text in OPEN_QUOTES and k not in inside:
            closer = CLOSE_OF.get(toks[k].text, toks[k].text)
            # nested quotes count: «Мэрия и ООО «Сибирь» подписали соглашение», — сообщил мэр
            paired = scene.tagged.quote_closes.get(k)
            if paired is not None and any(scene.tagged.quote_closes.get(m) == paired for m in range(k + 1, paired)):
                paired = None  # closed only by a nested name's quote: the speech goes on past the sentence
            j = paired - 1 if paired is not None else _closing(toks, k, last, closer)
            if sum(toks[m].text[:1].isalnum() for m in range(k + 1, j)) >= 4 and k not in units:
                out.append((k, min(j + 1, last)))
            k = j + 1
            continue
        k += 1
    return out


def _closing(toks: list[Token], k: int, last: int, closer: str) -> int:
    """The quote closing the one at k before `last`, nested ones counted; `last` when it closes in
    a later sentence («Сегодня мэрия и «Саянская горная группа» подписали соглашение. ...», — ...)."""
    opener, depth = toks[k].text, 0
    for j in range(k + 1, last):
        if toks[j].text == opener and opener != closer:
            depth += 1
        elif toks[j].text == closer:
            if depth == 0:
                return j
            depth -= 1
    return last


def clauses(scene: Scene, sent: int) -> list[Clause]:
    """The clauses of a sentence, the main one first (computed once per sentence)."""
    key = ("clauses", sent)
    if key not in scene.memo:
        scene.memo[key] = _clauses(scene, sent)
    return scene.memo[key]  # type: ignore[return-value]


def _clauses(scene: Scene, sent: int) -> list[Clause]:
    s = scene.tagged.sents[sent]
    toks = scene.toks
    units = {u.first: u for u in scene.units(sent)}
    in_unit = {k for u in units.values() for k in range(u.first, u.last)}
    main = Clause(sent, set(), "main")
    out = [main]
    taken: set[int] = set()
    for a, b in _quotes(scene, s.first, s.last, units):
        out.append(Clause(sent, set(range(a, b)), "quote", main, a))
        taken.update(range(a, b))
    current = main
    k = s.first
    while k < s.last:
        if k in taken:
            k += 1
            continue
        after_comma = k > s.first and toks[k - 1].text == ","
        opening = k == s.first or toks[k - 1].text in OPEN_QUOTES
        # a side's word the relative owns is a unit of its own
        owned = _side_word_before_relative(toks, k, s.last)
        if (k not in in_unit or owned) and (after_comma or opening) and _opens_embedded(scene, k, s.last):
            if opening and toks[k].feats.get("VerbForm") != "Conv" and toks[k].lemma not in OPENING_SUBORDINATORS:
                pass  # a sentence opens with its own subject clause, not an embedded one
            else:
                end = _embedded_end(scene, k, s.last, units)
                out.append(Clause(sent, set(range(k, end)) - taken, "embedded", current, k))
                taken.update(range(k, end))
                k = end
                continue
        has_predicate = any(_predicate(toks[m]) for m in current.tokens)
        after_break = after_comma or k > s.first and toks[k - 1].text in CLAUSE_BREAKS
        if after_break and has_predicate and _own_predicate(scene, k, s.last, in_unit):
            # «..., передает корреспондент ИА», «освобождён от должности, новым главой стала X»,
            # «ушёл на пенсию в марте; с тех пор обязанности исполнял X»
            current = Clause(sent, set(), "predicate", main, k)
            out.append(current)
        elif after_comma and toks[k].lemma in CONTRASTS and not (k + 1 < s.last and toks[k + 1].lemma == "также"):
            current = Clause(sent, set(), "contrast", main, k)
            out.append(current)
        current.tokens.add(k)
        k += 1
    return [c for c in out if c.tokens]


# what ends a clause, as a comma does, when the words after it hold a verb of their own
CLAUSE_BREAKS = frozenset({";"})


def _predicate(tok: Token) -> bool:
    return tok.feats.get("VerbForm") == "Fin" or tok.feats.get("Variant") == "Short"


def _own_predicate(scene: Scene, k: int, end: int, in_unit: set[int]) -> bool:
    """The words from k to the next comma hold a verb of their own (not a list going on)."""
    toks = scene.toks
    if k in in_unit and not _predicate(toks[k]):
        return False  # a list going on: «с X, Y и Z»
    j = k
    while j < end and toks[j].text not in (",", ";", ":", "–", "—"):
        if _predicate(toks[j]) and j not in in_unit:
            return True
        j += 1
    return False


def clause_of(clauses_: list[Clause], tok: int) -> Clause:
    return next(c for c in clauses_ if tok in c)


# ---------------------------------------------------------------- roles


def role(scene: Scene, clause: Clause, unit: Unit, trigger_nouns: frozenset[int] = frozenset()) -> str:
    """The role of a unit of the clause (see the module's docstring)."""
    key = (unit.first, trigger_nouns)
    if key not in clause._roles:
        clause._roles[key] = _slot(scene, clause, unit.first, unit, trigger_nouns, 0)
    return clause._roles[key]


def _by_case(scene: Scene, unit: Unit | None, i: int) -> str:
    case = unit_case(scene, unit) if unit else scene.toks[i].case
    return CASE_ROLES.get(case or "", "none")


def _unit_ending(scene: Scene, sent: int, end: int) -> Unit | None:
    return next((u for u in scene.units(sent) if u.last == end), None)


def _slot(scene: Scene, clause: Clause, i: int, unit: Unit | None, triggers: frozenset[int], depth: int) -> str:
    found = _slot_of(scene, clause, i, unit, triggers, depth)
    if found == "obj" and unit is not None and _opens_a_list_of_subjects(scene, clause, unit):
        return "subj"  # «подписали министерство ..., администрация ... и ООО «...»»
    return found


def _opens_a_list_of_subjects(scene: Scene, clause: Clause, unit: Unit) -> bool:
    """A unit the tagger read as an accusative that may be a nominative, joined by a comma or «и» to
    a unit that can only be a nominative, heads a list of subjects."""
    if not may_be_nominative(scene, unit):
        return False
    after = next((u for u in scene.units(clause.sent) if u.first >= unit.last), None)
    if after is None or after.first == unit.last or after.first not in clause:
        return False
    if any(scene.toks[k].text not in (",", "и") for k in range(unit.last, after.first)):
        return False
    head = scene.toks[after.head]
    return unit_case(scene, after) == "Nom" and not any(p.tag.case == "accs" for p in head.parses)


def _slot_of(scene: Scene, clause: Clause, i: int, unit: Unit | None, triggers: frozenset[int], depth: int) -> str:
    toks = scene.toks
    j = i - 1
    while j in clause and (
        toks[j].pos in MODIFIER_POS or toks[j].text in OPEN_QUOTES or toks[j].text.lower() in PLACE_ABBREVIATIONS
        or toks[j].text.lower() in POSSESSIVE_PRONOUNS and j + 1 == i
    ) and not _unit_ending(scene, clause.sent, j + 1):
        j -= 1
    if j not in clause or depth > 6:
        return _by_case(scene, unit, i)
    tok = toks[j]
    low = tok.text.lower()
    if low == "(":
        return "dep"  # «Ферганский университет (Республика Узбекистан)»: a gloss
    if tok.pos == "ADP":
        return _preposition(scene, clause, j)
    if tok.lemma == "сторона" and j - 2 in clause and _side_gloss(toks, j - 2) and unit is not None and (
        may_be_nominative(scene, unit)
    ):
        return "subj"  # «подписали с одной стороны X, с другой стороны Y»: a side, whatever case the tagger read
    if low == "," and j - 1 in clause and _in_date(scene, j - 1):
        return _by_case(scene, unit, i)  # «В понедельник, 16 февраля, | Артём Сорвачёв встретился»
    if low in LIST_WORDS:
        return _continued(scene, clause, j, i, unit, triggers, depth)
    if tok.text in DASHES and (group := _unit_ending(scene, clause.sent, j)) is not None and (
        group.via == "sides" and toks[group.head].pos == "NOUN"
    ):
        # «с двумя организациями — администрацией города и ООО «...» — палата подписала»: the names
        # set off by a dash after an open plural reference are its sides, in its role
        return _slot(scene, clause, group.first, group, triggers, depth + 1)
    if tok.text in DASHES and (with_ := _with_plural_before(toks, clause, j)) is not None:
        # «подписал договоры с победителями аукционов — ООО «...» и АО «...»»: the names set off by
        # a dash after «с» and a plural noun are those partners
        return _preposition(scene, clause, with_)
    if _in_date(scene, j):
        return _by_case(scene, unit, i)  # «12 октября | губернатор», «В понедельник | его»
    if tok.lemma == "участие" and j - 1 in clause and toks[j - 1].text.lower() == "с" and _genitive(scene, unit, i):
        return "gen"  # «встреча ... с участием министра X и акима Y»: who took part, as «встреча X и Y»
    described = _described_name(scene, clause, j, unit) if tok.pos == "NOUN" and j not in triggers else None
    if described is not None:  # «фондом поддержки участников СВО «Защитники Отечества»»
        return _slot(scene, clause, described, None, triggers, depth + 1)
    if (tok.pos == "NOUN" and _common(scene, clause, j) or _descriptor_of(scene, j, unit)) and j not in triggers and (
        _apposed(scene, tok, unit)
    ):
        # «на предприятии Магистраль ЛТД», «с агентством Ford Models», «на реке Эльба»: a name in
        # apposition plays the part of its noun
        outer = _slot(scene, clause, j, None, triggers, depth + 1)
        return outer if tok.lemma not in words("venue") or outer == "at" else "dep"
    head = _apposition_head(scene, clause, j, unit)
    if head is not None:  # «во главе с акимом Алматы | Ерболатом Досаевым»
        return _slot(scene, clause, head, None, triggers, depth + 1)
    if not _genitive(scene, unit, i):
        return _by_case(scene, unit, i)  # «В ходе посещения цехов | глава города обсудил»
    before = _unit_ending(scene, clause.sent, j + 1)
    if before is not None:
        # a pronoun has no dependents: «с которым | «Щедрая Обь» подписала»; nor a person's name:
        # «Вместо Ужегова | МУП «Пластунская пекарня» возглавила ...»
        own = before.via == "pronoun" or before.via == "name" and bool(before.refs) and before.refs[0][0] == "person"
        return "dep" if not own else _by_case(scene, unit, i)
    if tok.pos in ("NOUN", "PROPN"):
        return _after_noun(scene, clause, j, i, unit, triggers, depth)
    return _by_case(scene, unit, i)


def _descriptor_of(scene: Scene, j: int, unit: Unit | None) -> bool:
    """A capitalized head of names right before a quoted name, the name's own descriptor (the tagger may
    call it a proper noun): «Союз «Торгово-промышленная палата города Когалыма»», «Фонд «Щедрый стол»»."""
    tok = scene.toks[j]
    return (
        unit is not None and unit.first == j + 1 and scene.toks[j + 1].text in OPEN_QUOTES
        and tok.pos in ("NOUN", "PROPN") and tok.text[1:].islower() and (tok.lemma.lower(),) in org_heads()
    )


def _common(scene: Scene, clause: Clause, j: int) -> bool:
    """A common noun: lowercase, or capitalized only as a sentence's first word («Туроператор ООО
    «Камская волна» подписал ...»)."""
    text = scene.toks[j].text
    return text.islower() or text[1:].islower() and j == min(scene.sentence_tokens(clause.sent))


def _apposition_head(scene: Scene, clause: Clause, j: int, unit: Unit | None) -> int | None:
    """A person's name after a noun group in its own case (not the genitive) stands beside the
    group's head: «с акимом Алматы Ерболатом Досаевым»."""
    toks = scene.toks
    if not _person(unit) or unit is None or unit.via != "name":
        return None
    case = unit_case(scene, unit)
    if case in (None, "Gen", "Nom"):
        return None
    h = j
    while h in clause:
        before = _unit_ending(scene, clause.sent, h + 1)
        if before is not None and not _person(before):
            h = before.first - 1
        elif toks[h].case == "Gen" and toks[h].pos in ("NOUN", "ADJ", "PROPN"):
            h -= 1
        else:
            break
    if h in clause and toks[h].pos == "NOUN" and toks[h].case == case and toks[h].feats.get("Animacy") == "Anim":
        return h
    return None


def _apposed(scene: Scene, noun: Token, unit: Unit | None) -> bool:
    """An organization's or place's name standing beside a common noun in its case, or in the
    nominative, or undeclined («агентством Ford Models»)."""
    if not _proper_name(scene, unit):
        return False
    case = unit_case(scene, unit) if unit else None
    if case == "Nom" and noun.case not in (None, "Nom") and (
        _headed(scene, unit) or _after_event(scene, noun, unit) or _place_after_thing(scene, noun, unit)
    ):
        # a name with its own head noun names no other noun: «форума | Томский университет»; an
        # event's own name is quoted: «По итогам встречи | Республика Коми и ... заключили»
        return False
    # a genitive after a genitive is its dependent: «регионов | Республики Беларусь»
    return (case in (None, "Nom") or case == noun.case != "Gen") and noun.lemma not in group_nouns()


# the words naming a region's kind: a region so named is never another noun's name
REGION_KINDS = frozenset({"область", "край", "республика", "округ", "район"})


def _place_after_thing(scene: Scene, noun: Token, unit: Unit | None) -> bool:
    """A place in the nominative after a plural noun («автобусов | Липецк заключил») is no name of
    it, as one after «в городе», «по реке», «в сёлах» is; nor is a region named with its kind, after any noun
    («Соглашение о строительстве завода | Тверская область и компания подписали»)."""
    place = unit is not None and bool(unit.refs) and unit.refs[0][0] == "location"
    if not place or unit is None:
        return False
    kind_named = any(t.lemma in REGION_KINDS for t in scene.toks[unit.first : unit.last])
    # «в сёлах Арка и Иня»: settlements named after their plural kind are its names
    listed = noun.lemma.replace("ё", "е") in SETTLEMENT_WORDS
    return noun.feats.get("Number") == "Plur" and not listed or kind_named


def _after_event(scene: Scene, noun: Token, unit: Unit | None) -> bool:
    return unit is not None and noun.lemma in event_heads() and scene.toks[unit.first].text not in OPEN_QUOTES


def _headed(scene: Scene, unit: Unit | None) -> bool:
    """An unquoted name with an organization's head noun in it: «Томский политехнический
    университет», «Правительство Приморского края», not «Магистраль ЛТД»."""
    if unit is None:
        return False
    toks = scene.toks[unit.first : unit.last]
    # the head may open the name with a capital: «Правительство Приморского края»
    return toks[0].text not in OPEN_QUOTES and any(
        (t.text.islower() or k == 0) and (t.lemma,) in org_heads() for k, t in enumerate(toks)
    )


def _proper_name(scene: Scene, unit: Unit | None) -> bool:
    """An organization's or place's own name («Магистраль ЛТД», «ИННОПРОМ»), not a person."""
    if unit is None or not unit.refs or unit.refs[0][0] == "person" or unit.via != "name":
        return False
    tok = scene.toks[unit.first]
    return tok.text[:1].isupper() or tok.text in OPEN_QUOTES


def _genitive(scene: Scene, unit: Unit | None, i: int) -> bool:
    """Whether a unit may hang on the noun before it: in the genitive, or of a case its words
    cannot tell (abbreviations, quoted names)."""
    tok = scene.toks[unit.head if unit else i]
    case = unit_case(scene, unit) if unit else tok.case
    # the tagger's case of a foreign organization name says little; of a person's, much
    unsure = tok.pos == "PROPN" and case != "Nom" and not _person(unit)
    return case in ("Gen", None) or unsure


def _in_date(scene: Scene, j: int) -> bool:
    """«12 октября | губернатор»: a date is no noun a unit hangs on."""
    at = scene.toks[j].start
    return any(d.start <= at < d.end for d in scene.doc.dates)


# the words of compound prepositions ending in «с» that name no side: «рядом с заводом», «наряду с
# банком», «в связи с», «в соответствии с», «по сравнению с», «на границе с Казахстаном», with the
# preposition before them where they need one («договор на оказание услуг связи с ООО «Б»» names a
# partner)
WITH_OF_NO_SIDE = {"рядом": None, "наряду": None, "связь": "в", "соответствие": "в", "сравнение": "по", "граница": None}


# the most words from «с» to the dash after its plural noun: «с победителями ноябрьских аукционов —»
MAX_WITH_PLURAL_WORDS = 5


# the most words of a «который» clause between the plural noun and the dash
MAX_RELATIVE_WORDS = 12


def _with_plural_before(toks: list[Token], clause: Clause, dash: int) -> int | None:
    """Where «с» stands before a plural noun in the instrumental that, with its modifiers and
    genitives, runs to `dash`: «с двумя поставщиками —», «с победителями аукционов —», past a
    «который» clause of the noun set off by commas («с двумя хозяйствами, которые держат стада, —»)."""
    end = dash  # where the noun group before the dash ends
    if dash >= 1 and toks[dash - 1].text == ",":
        opening = next(
            (k - 1 for k in range(dash - 2, max(dash - 2 - MAX_RELATIVE_WORDS, 0), -1)
             if toks[k].lemma == "который" and toks[k - 1].text == ","),
            None,
        )
        end = opening if opening is not None else dash
    for k in range(end - 1, max(end - 1 - MAX_WITH_PLURAL_WORDS, -1), -1):
        tok = toks[k]
        if k not in clause or not tok.text.replace("-", "").isalpha() or not tok.text.islower():
            return None  # a word may be hyphenated: «с двумя хозяйствами-арендаторами озёр —»
        if tok.pos == "NOUN" and tok.feats.get("Number") == "Plur" and tok.case == "Ins":
            m = k - 1
            while m in clause and toks[m].pos in MODIFIER_POS and toks[m].case == "Ins":
                m -= 1
            return m if m in clause and toks[m].text.lower() in ("с", "со") else None
    return None


def _preposition(scene: Scene, clause: Clause, j: int) -> str:
    toks = scene.toks
    low = toks[j].text.lower()
    if low in ("с", "со"):
        if j >= 2 and toks[j - 2].text.lower() == "во" and toks[j - 1].lemma == "глава":
            return "head"
        if j >= 1 and toks[j - 1].lemma in ("вместе", "совместно"):
            return "together"  # «вместе с главой департамента мэр осмотрел»: the same side
        if j >= 1 and toks[j - 1].lemma in WITH_OF_NO_SIDE:
            before = WITH_OF_NO_SIDE[toks[j - 1].lemma]
            if before is None or j >= 2 and toks[j - 2].text.lower() == before:
                return "other"
        return "with"
    if low == "между":
        return "between"
    if low in ("перед", "у"):
        return "before"  # «отчитался перед главой округа», «на приёме у главы города»: in whose presence
    if low in ("в", "во", "на"):
        return "at"
    if low in ("к", "ко"):
        return "to"  # «приехал к главе округа»
    return "other"


def _after_noun(
    scene: Scene, clause: Clause, j: int, i: int, unit: Unit | None, triggers: frozenset[int], depth: int
) -> str:
    """A unit in the genitive after a noun: a trigger's side, a group's side, or a dependent."""
    toks = scene.toks
    lemma = toks[j].lemma
    if j in triggers:
        return "gen"
    if lemma == "сторона" and j > 0 and toks[j - 1].text.lower() in ("со", "с"):
        return "side"
    if lemma == "присутствие":
        return "witness"
    if lemma in words("slot"):
        return "slot"  # «освободил от должности вице-премьера Илшата Тажитдинова»
    if (lemma in group_nouns() or _heads_post(scene, j)) and not _person(unit):
        if lemma == "делегация" and _led_by_named(scene, clause, j):
            return "dep"  # the delegation speaks through its named head
        outer = _slot(scene, clause, j, None, triggers, depth + 1)
        return outer if outer not in ("dep", "at") else "dep"
    return "dep"


def _described_name(scene: Scene, clause: Clause, j: int, unit: Unit | None) -> int | None:
    """«государственным фондом поддержки участников СВО «Защитники Отечества»»: a quoted name at
    the end of a noun phrase that describes it names the phrase; the phrase's head (a noun after
    a list word or a preposition) is the token whose role it takes."""
    toks = scene.toks
    # a person's post may quote a name: «глава муниципального образования «Мирнинский район» Павел
    # Саввинов» names no noun before it
    if unit is None or _person(unit) or not any(toks[k].text in OPEN_QUOTES for k in range(unit.first, unit.last)):
        return None
    if _headed(scene, unit):
        return None  # «осмотров | автономное учреждение «...» заключило»: a name with its own head names itself
    h = j
    while h - 1 in clause and toks[h].case == "Gen" and toks[h - 1].pos in ("NOUN", "ADJ", "PROPN"):
        h -= 1
    while h in clause and toks[h].pos == "ADJ":
        h += 1
    if h == j or toks[h].pos != "NOUN" or toks[h].case in ("Gen", None):
        return None
    k = h - 1
    while k in clause and toks[k].pos == "ADJ":
        k -= 1
    return h if k in clause and (toks[k].text.lower() in LIST_WORDS or toks[k].pos == "ADP") else None


def _person(unit: Unit | None) -> bool:
    return unit is not None and bool(unit.refs) and unit.refs[0][0] == "person"


def _heads_post(scene: Scene, j: int) -> bool:
    """A post nobody in the text holds stands for its organization: «с руководителем
    Минпромторга»."""
    toks = scene.toks
    k = j
    while k > 0 and toks[k - 1].pos in MODIFIER_POS | {"NOUN"} and j - k < 3:
        k -= 1
    if toks[j].feats.get("Number") == "Plur":
        return False  # «с руководителями регионов»: unnamed people, no side
    return any(match_post_head(toks, m, j + 1) == j + 1 for m in range(k, j + 1))


def _led_by_named(scene: Scene, clause: Clause, j: int) -> bool:
    """«делегация Казахстана во главе с акимом Алматы Ерболатом Досаевым»: a person named as
    its head."""
    toks = scene.toks
    for k in range(j + 1, min(j + 12, max(clause.tokens) + 1)):
        if toks[k].text.lower() == "во" and k + 2 in clause and toks[k + 1].lemma == "глава":
            return any(_person(scene.unit_at(m)) for m in range(k + 3, min(k + 9, max(clause.tokens) + 1)))
    return False


def _side_gloss(toks: list[Token], k: int) -> bool:
    """«с одной стороны», «с другой стороны» or «в лице» (its signer) opening at token k: words
    about a side of the list, not a preposition the list hangs on."""
    if toks[k].text.lower() == "в":
        return k + 1 < len(toks) and toks[k + 1].text.lower() == "лице"
    return side_named_at(toks, k) is not None


def side_named_at(toks: list[Token], k: int) -> str | None:
    """«с одной стороны» ("один") or «с другой стороны» ("другой") opening at token k; None if neither."""
    if toks[k].text.lower() in ("с", "со") and k + 2 < len(toks) and toks[k + 2].lemma == "сторона":
        return toks[k + 1].lemma if toks[k + 1].lemma in ("один", "другой") else None
    return None


# the most tokens a gloss in brackets between two names of a list holds, and the words a document's
# topic opens with
MAX_GLOSS_TOKENS = 12
TOPIC_PREPOSITIONS = frozenset({"о", "об", "на", "по"})


def _bracket_opening(toks: list[Token], clause: Clause, close: int) -> int | None:
    """Where the bracket closing at `close` opens, within the clause and a short gloss's reach, when
    it holds what a document is about: «(о практике студентов)», «(на поставку щебня)»."""
    for k in range(close - 1, max(close - 1 - MAX_GLOSS_TOKENS, -1), -1):
        if k not in clause or toks[k].text == ")":
            return None
        if toks[k].text == "(":
            return k if toks[k + 1].text.lower() in TOPIC_PREPOSITIONS else None
    return None


def _place_of_origin(scene: Scene, unit: Unit) -> bool:
    """A place after «из» that tells where the name before it is from: «АО «Б» из Екатеринбурга»."""
    first = unit.first
    if not unit.refs or unit.refs[0][0] != "location" or first < 2 or scene.toks[first - 1].text.lower() != "из":
        return False
    return _unit_ending(scene, scene.toks[first].sent, first - 1) is not None


def _continued(
    scene: Scene, clause: Clause, j: int, i: int, unit: Unit | None, triggers: frozenset[int], depth: int
) -> str:
    """A unit after «и» or a comma continues the list before it, when the cases agree."""
    toks = scene.toks
    k = j
    skipped = False
    glossed = False  # «подписали, с одной стороны, X, ...»: X is a side, whatever case the tagger read
    while k in clause:
        before = _unit_ending(scene, clause.sent, k + 1)
        if before is not None and k != j and _place_of_origin(scene, before):
            k = before.first - 2  # «АО «Б» из Екатеринбурга и ООО «В» из Сыктывкара»: the list goes on past it
            continue
        if before is not None and k != j:
            key = (before.first, triggers)
            if key not in clause._roles:
                clause._roles[key] = _slot(scene, clause, before.first, before, triggers, depth + 1)
            if clause._roles[key] != "dep" and (unit is None or _cases_agree(scene, before, unit)):
                return clause._roles[key]
            # «между X Национальной академии наук и Y»: Y goes with X, not with X's dependent
            skipped = True
            k = before.first - 1
            continue
        tok = toks[k]
        if tok.text == ")" and (opening := _bracket_opening(toks, clause, k)) is not None:
            k = opening - 1  # «с АО «А» (о создании кафедры) и ООО «Б» (о практике)»: a topic between names
            continue
        if skipped and tok.text.lower() == "по" and k - 1 in clause and toks[k - 1].pos == "NOUN":
            k -= 1  # «корпорацией по развитию северных портов «X» и Y»: a noun's own «по ...»
            continue
        if tok.pos == "ADP" and k != j and _side_gloss(toks, k):
            k -= 1  # «между A, с одной стороны, и B», «A в лице губернатора и B»: no preposition of the list
            glossed = glossed or toks[k + 1].text.lower() != "в"
            continue
        if tok.pos == "ADP" and k != j:
            if skipped or _other_case_before(scene, k, j, unit):
                return _by_case(scene, unit, i)
            return _preposition(scene, clause, k)
        if k == j or tok.text.lower() in LIST_WORDS or tok.pos in MODIFIER_POS | {"NOUN", "PROPN"} or (
            tok.text in OPEN_QUOTES or tok.text in CLOSE_QUOTES
        ):
            k -= 1
            continue
        break
    if glossed and unit is not None and may_be_nominative(scene, unit):
        return "subj"
    return _by_case(scene, unit, i)


def _other_case_before(scene: Scene, prep: int, j: int, unit: Unit | None) -> bool:
    """The noun ending the group the list word follows is in another case than the unit: «Сегодня, в
    первый рабочий день, | вуз ... подписал» is no list of where («день» is accusative, «вуз» nominative)."""
    if unit is None:
        return False
    nouns = [scene.toks[k] for k in range(prep + 1, j) if scene.toks[k].pos == "NOUN"]
    case = unit_case(scene, unit)
    return bool(nouns) and case is not None and nouns[-1].case is not None and nouns[-1].case != case


def _cases_agree(scene: Scene, a: Unit, b: Unit) -> bool:
    """The list's cases agree: quoted names and abbreviations take any case, and a head the tagger
    read in another case may still go on a list of subjects («Министерство ... и Заринский техникум
    подписали»: «техникум» is nominative as well as accusative)."""
    ca, cb = unit_case(scene, a), unit_case(scene, b)
    if ca is None or cb is None or ca == cb:
        return True
    return ca == "Nom" and may_be_nominative(scene, b)
