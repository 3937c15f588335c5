"""Agreements: a document signed or concluded («подписали», «подписано», «заключено»,
«состоялось подписание», «поставили подписи под»), stated as done.

Each trigger gives statements read in small steps (`STEPS`): its clause, whether it is done,
the document («соглашение о сотрудничестве», nominative singular), the parties — the «между»
lists (each list its own document: «между A и B, между C и D» is two), the sides named «со
стороны», else the subject and the «с» objects; «стороны», «двумя вузами», «партнёры» resolved;
the persons who sign dropped when their side is a party; documents a colon lists after a
general noun («подписаны документы: соглашение между A и B, меморандум ... между C и D») each
with its own «между». A statement naming no parties takes
them from a «между» list in the next sentence («Одно из них – между ...»). A statement of a
document named before («Подписи под документом поставили...») and a title repeating the body are
merged into one agreement. A summary count naming no parties («подписано 9 соглашений») is none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from extractor.facts.clauses import MAX_GLOSS_TOKENS, TOPIC_PREPOSITIONS, Clause, clauses, side_named_at
from extractor.facts.context import (
    Statement,
    clause_at,
    clause_planned,
    date_in,
    dateline_day,
    day_told_before,
    distinct,
    found_triggers,
    negated,
    resolve_sides,
    roles_in,
    span_of,
    triggers_of,
    units_in,
    verb_planned,
)
from extractor.facts.units import PLURAL_PRONOUNS, Ref, Scene, Unit, may_be_nominative, unit_case
from extractor.lexicon import Match, speech_verbs
from extractor.lexicon.facts import (
    agreement_triggers,
    counts,
    documents,
    meeting_triggers,
    person_counts,
    plan_words,
    side_counts,
    words,
)
from extractor.lexicon.orgs import org_heads, report_verbs
from extractor.model import Agreement, DateItem
from extractor.nlp.inflect import as_written, nominative_word
from extractor.nlp.morph import active_participle, parses
from extractor.nlp.numbers import SCALE_ABBREVS
from extractor.nlp.phrases import DASHES
from extractor.nlp.tagging import Token

# words that end the «о ...» part of a document's name
KIND_STOPS = frozenset({"между", "с", "со", "на", "сроком", "стоимостью", "который", "которое", "которая"})
KIND_WORDS = 14
# what a document's name goes on with: «соглашение о сотрудничестве», «договор по СНВ»
ABOUT = frozenset({"о", "об", "по"})


@dataclass
class Document:
    first: int  # its noun's tokens
    last: int
    kind: str | None  # nominative singular phrase; None for «документ»
    plural: bool  # «ряд соглашений», «договоры»
    own_name: bool  # named by what it is about («соглашение о ...»), not just «соглашение»
    name_end: int = 0  # the token after its name («соглашение о намерениях»)
    agreement: bool = True  # not «трудовой договор»: a person's employment
    alike: bool = False  # «Аналогичный документ», «такое же соглашение»: another of the kind named before
    pointed: bool = False  # «Это третье соглашение, подписанное краем»: the one told before, counted


@dataclass
class Draft:
    scene: Scene
    sent: int
    match: Match
    earlier: list[Statement]
    clause: Clause = field(init=False)
    roles: list[tuple[Unit, str]] = field(init=False)
    document: Document | None = None
    groups: list[list[Ref]] = field(default_factory=list)  # parties of each document signed
    kinds: list[str | None] = field(default_factory=list)  # each group's own document, from a list
    first_sent: int = 0
    last_sent: int = 0
    with_partners: bool = False  # the parties are a subject and its «с» objects
    items: list[tuple[str | None, list[Ref]]] = field(default_factory=list)  # a colon's list of partners
    listed: list[Ref] = field(default_factory=list)  # partners listed in the items after a colon
    rejected: bool = False

    def __post_init__(self) -> None:
        self.clause = clause_at(self.scene, self.match.first)
        nouns = frozenset({self.match.first}) if self.kind == "noun" else frozenset()
        self.roles = roles_in(self.scene, self.clause, nouns)
        self.first_sent = self.last_sent = self.sent

    @property
    def kind(self) -> str:
        return self.match.value[0]


Step = Callable[[Draft], None]


def _done(d: Draft) -> None:
    """«подпишут», «планируется подписать», «будет заключено», «не подписано», «проект
    соглашения»: not done."""
    first = d.match.first
    if negated(d.scene, d.clause, first):
        d.rejected = True
    elif d.kind == "verb":
        d.rejected = verb_planned(d.scene, d.clause, first) or _plan_before(d)
    else:
        # what a document is about is no plan of the clause: «подписание меморандума о намерениях»
        named = {k for doc in _documents_in(d.scene, d.clause) for k in range(doc.first, doc.name_end)}
        d.rejected = clause_planned(d.scene, d.clause, frozenset(named))


def _plural_object(head: Token) -> bool:
    """«подписали соглашения»: the object of a signing verb in a form the tagger read as a genitive
    singular that is also the accusative plural; a verb done takes no genitive object."""
    return head.case == "Gen" and head.feats.get("Number") != "Plur" and any(
        {"accs", "plur"} <= p.tag.grammemes for p in parses(head.text.lower())
    )


def _plan_before(d: Draft) -> bool:
    """«должна быть подписана», «может быть заключено»; not a word of the document's name
    («Соглашение о поддержке инвестиционного проекта комбинат подписал»)."""
    lemmas = d.scene.lemmas
    named = {k for doc in _documents_in(d.scene, d.clause) for k in range(doc.first, doc.name_end)}
    return any(
        lemmas[k] in plan_words() for k in range(d.match.first - 3, d.match.first) if k in d.clause and k not in named
    )


def _document(d: Draft) -> None:
    """The document signed: the nearest document noun of the clause."""
    found = _documents_in(d.scene, d.clause) or _document_relative_stands_for(d) or _document_pronoun_stands_for(d)
    if not found:
        d.items = _items_after_colon(d)
        d.rejected = not d.items  # «Приказ подписал министр»: no agreement signed
        return
    at = d.match.last
    nearest = min(found, key=lambda doc: (doc.first < at, abs(doc.first - at)))
    d.document = _named_after_a_dash(d.scene.toks, found, nearest)
    toks = d.scene.toks
    after_verb = d.kind == "verb" and d.document.first >= at
    if after_verb and not d.document.plural and _plural_object(toks[d.document.last - 1]):
        d.document = replace(d.document, plural=True)  # «подписали с правительством соглашения о ...»
    if d.document.kind is None and d.document.agreement and not d.document.alike:
        # «приехал подписывать соглашение о ремонте стадиона: документ ... подписали», or in the
        # sentence before when this one names the sides: «приехал с договором о ... . ... документ
        # ректор и директор подписали» (else the sides are looked for with the document before)
        named = _named_before(d.scene, d.sent, d.document.first)
        if named is None and d.sent > 0 and _names_its_own_sides(d):
            named = _named_before(d.scene, d.sent - 1, d.scene.tagged.sents[d.sent - 1].last)
        if named is not None:
            d.document = replace(d.document, kind=named.kind)  # still a reference: it merges with that one
    elif _bare(d.document) and d.sent > 0:
        # «... одобрил договор поставки арматуры с АО «Б». Директор подписал договор через три часа»
        named = _named_before(d.scene, d.sent, d.document.first) or _named_before(
            d.scene, d.sent - 1, d.scene.tagged.sents[d.sent - 1].last
        )
        if named is not None and d.document.kind in named.kind.split():
            d.document = replace(d.document, kind=named.kind)
    if not d.document.agreement:
        d.rejected = True  # «Приказ о прекращении с ним трудового договора подписал ...»
    elif d.document.first > 0 and toks[d.document.first - 1].lemma == "проект":
        d.rejected = True  # «подписали проект соглашения»: a draft is no agreement
    elif d.kind != "noun" and _other_object(d, nearest):
        d.rejected = True  # «подписал закон о ратификации соглашения»: the law was signed


def _named_after_a_dash(toks: list[Token], found: list[Document], doc: Document) -> Document:
    """«заключил ещё один документ — соглашение о выпуске карты»: the document a reference noun
    names after a dash."""
    if doc.kind is not None or doc.last >= len(toks) or toks[doc.last].text not in DASHES:
        return doc
    return next((other for other in found if other.first == doc.last + 1 and other.kind is not None), doc)


# the roles a side of a signing stands in: its subject, its «с» partner, a side listed
SIDE_ROLES = frozenset({"subj", "with", "none", "head", "together", "ins"})


def _names_its_own_sides(d: Draft) -> bool:
    """The signing's clause names two sides or more, and the sentence before states no signing (whose
    document «документ» would restate)."""
    restated = any(st.last_sent == d.sent - 1 for st in d.earlier)
    return not restated and len({u.refs[0] for u, r in d.roles if u.refs and r in SIDE_ROLES}) >= 2


def _bare(doc: Document) -> bool:
    """A document named by its noun alone, singular: «договор», «соглашение»."""
    named_otherwise = doc.own_name or doc.alike or doc.plural or doc.pointed
    return doc.kind is not None and " " not in doc.kind and doc.agreement and not named_otherwise


# the object pronouns of a signing verb that stand for a document named before
DOCUMENT_PRONOUNS = frozenset({"его", "её", "ее"})


# what one signs under, a pronoun standing for the document: «под ним расписались», «Расписались под ней»
UNDER_PRONOUNS = frozenset({"ним", "ней"})


def _document_pronoun_stands_for(d: Draft) -> list[Document]:
    """«Первый — соглашение о предоставлении поручительств. С одной стороны его подписал банк, с
    другой — фонд»: «его» right before the verb, or right after one opening the sentence («Подписали его
    ректор ... и директор ...»), is the document the sentence before names; so is «под ним» in the
    verb's clause («Договор ... готовили с осени. В четверг под ним расписались ...»)."""
    k = d.match.first - 1
    if d.kind != "verb" or d.sent == 0 or k < 0:
        return []
    toks = d.scene.toks
    signed_under = any(
        toks[a].text.lower() == "под" and a + 1 in d.clause.tokens and toks[a + 1].text.lower() in UNDER_PRONOUNS
        for a in d.clause.tokens
    )
    first_word = d.match.first == d.scene.tagged.sents[d.sent].first
    after = d.match.last < len(toks) and toks[d.match.last].text.lower() in DOCUMENT_PRONOUNS and first_word
    if toks[k].text.lower() not in DOCUMENT_PRONOUNS and not signed_under and not after:
        return []
    named = _named_before(d.scene, d.sent - 1, d.scene.tagged.sents[d.sent - 1].last)
    return [named] if named is not None else []


def _named_before(scene: Scene, sent: int, first: int) -> Document | None:
    """The last document of the sentence named by what it is about before token `first`, one alone:
    the one a word pointing back («документ») stands for."""
    named = [
        doc for clause in clauses(scene, sent) for doc in _documents_in(scene, clause)
        if doc.first < first and doc.kind is not None and doc.own_name and doc.agreement
    ]
    last = max(named, key=lambda doc: doc.first, default=None)
    return last if last is not None and not last.plural else None


# what ends one item of a list after a colon: «...; — с ООО «Б» — ...»
ITEM_ENDS = frozenset({";"})
# what opens a list item on a line of its own
ITEM_MARKS = frozenset(DASHES) | {"•", "·"}


def _list_after_colon(d: Draft) -> list[tuple[int, int, int]]:
    """The items (sentence, first token, end) of the list a colon right after the trigger opens: the
    rest of the sentence split at «;», or the sentences after it that open with a dash."""
    scene, toks = d.scene, d.scene.toks
    sents = scene.tagged.sents
    colon = d.match.last
    if colon >= sents[d.sent].last or toks[colon].text != ":":
        return []
    if colon + 1 < sents[d.sent].last:
        cuts = [colon] + [k for k in range(colon + 1, sents[d.sent].last) if toks[k].text in ITEM_ENDS]
        return [(d.sent, a + 1, b) for a, b in zip(cuts, cuts[1:] + [sents[d.sent].last], strict=True)]
    items = []
    for n in range(d.sent + 1, len(sents)):
        if toks[sents[n].first].text not in ITEM_MARKS:
            break
        items.append((n, sents[n].first, sents[n].last))
    return items


def _items_after_colon(d: Draft) -> list[tuple[str | None, list[Ref]]]:
    """«институт подписал: — с АО «А» — соглашение о ...; — с ООО «Б» — договор о ...»: a verb
    right before a colon, each item after it naming a document and a partner, is one agreement
    per item with that partner."""
    if d.kind != "verb":
        return []
    scene = d.scene
    out: list[tuple[str | None, list[Ref]]] = []
    for sent, first, end in _list_after_colon(d):
        found = _documents_in(scene, clause_at(scene, first))
        docs = [doc for doc in found if first <= doc.first < end and doc.agreement]
        units = [u for u in scene.units(sent) if u.refs and u.refs[0][0] != "person"]
        refs = distinct([u.refs[0] for u in units if first <= u.first and u.last <= end])
        if docs and refs:
            out.append((docs[0].kind, refs))
    return out


def _document_relative_stands_for(d: Draft) -> list[Document]:
    """«соглашение о строительстве завода, которое заключили область и АО «...»»: the document a
    relative «который» or a passive participle opening the clause stands for, the last one before it."""
    clause, toks = d.clause, d.scene.toks
    if clause.kind != "embedded" or clause.parent is None or clause.intro is None:
        return []
    # or a passive participle opening the clause, the trigger itself: «Три договора о целевом
    # обучении, подписанные сегодня институтом с АО «...», ...»
    participle = clause.intro == d.match.first and _passive(toks[clause.intro])
    # «который» the object: in the accusative, or read as a nominative beside a subject of its own
    # («договор ..., который завод сегодня заключил с колледжем»), a name whose case its words
    # cannot tell before the verb too («который АО «ЗМЗ» сегодня заключило»)
    intro = toks[clause.intro]
    object_relative = intro.lemma == "который" and (
        intro.case == "Acc" or intro.case == "Nom" and any(
            r == "subj" or r == "none" and u.last <= d.match.first for u, r in d.roles
        )
    )
    # «соглашение ..., под которым подписались республика и ООО «...»»
    signed_under = intro.lemma == "под" and clause.intro + 1 < len(toks) and toks[clause.intro + 1].lemma == "который"
    if not participle and not object_relative and not signed_under:
        return []
    before = [doc for doc in _documents_in(d.scene, clause.parent) if doc.first < clause.intro]
    return before[-1:]


def _other_object(d: Draft, doc: Document) -> bool:
    """Another thing signed stands between the verb and the document: a noun in the accusative
    outside any preposition's group and any name."""
    toks = d.scene.toks
    units = {k for u in d.scene.units(d.sent) for k in range(u.first, u.last)}
    governed = False
    for k in range(d.match.last, doc.first):
        tok = toks[k]
        if tok.pos == "ADP":
            governed = True
        elif tok.pos == "NOUN" and k not in units:
            if tok.case == "Acc" and not governed:
                return True
            governed = governed and tok.case != "Acc"
        elif tok.text == ",":
            governed = False
    return False


def _parties(d: Draft) -> None:
    """«между» lists (each one a document), else the sides «со стороны», else the subject and
    the «с» objects; or the documents a colon lists after the clause, each with its «между»."""
    if d.items:
        subjects = _refs(d, [u for u, r in d.roles if r == "subj"])
        d.kinds = [kind for kind, _ in d.items]
        d.groups = [distinct(subjects + refs) for _, refs in d.items]
        return
    doc = d.document
    listed = _listed_after_colon(d) if doc is None or doc.kind is None or doc.plural else []
    if listed:
        d.kinds = [kind for kind, _ in listed]
        d.groups = [refs for _, refs in listed]
        return
    between = _between_groups(d)
    paired = _documents_between(d, d.sent, d.scene.tagged.sents[d.sent].first - 1, d.scene.tagged.sents[d.sent].last)
    if len(between) >= 2 and len(paired) == len(between):
        # «Соглашение о ... между A и B и договор о ... между C и D подписаны»: each document before
        # its own «между»
        d.kinds = [kind for kind, _ in paired]
        d.groups = [refs for _, refs in paired]
        return
    if between:
        d.groups = _each_listed_partner(d) or between
        return
    # the sides «со стороны»; when they name one party only («со стороны компании», the other a
    # common noun: «со стороны республики»), the subjects name the rest
    sides = [u for u, r in d.roles if r == "side"]
    side_refs = _refs(d, sides)
    if len(side_refs) >= 2:
        d.groups = [side_refs]
        return
    if d.kind == "noun":
        d.groups = [side_refs] if side_refs else []
        return  # «принял участие в подписании»: who takes part is no party
    holders = _participle_holders(d)
    if holders:
        partners = [u for u, r in d.roles if r == "with"]
        d.groups = [_refs(d, holders + partners)]
        d.with_partners = bool(partners)
        return
    bodies = _bodies_around_signed_document(d)
    if bodies:
        d.groups = [_refs(d, bodies)]
        return
    if d.kind == "verb" and _passive_with_agent(d.scene.toks, d.match.first):
        # «подписано правительством области, университетом и АО «...»»: bodies in the instrumental
        # are the parties; else the persons who signed
        # a name after the verb whose case its words cannot tell is its agent too («подписанные
        # ГАПОУ «...» с АО «...»»); its «с» partners sign with it
        bodies = [
            u for u, r in d.roles
            if (r == "ins" or r == "none" and u.first >= d.match.last) and u.refs and u.refs[0][0] != "person"
        ]
        signers = [u for u, r in d.roles if r in ("ins", "subj") and u.refs and u.refs[0][0] == "person"]
        partners = [u for u, r in d.roles if r == "with"] if bodies else []
        # «Соглашение министерства ..., колледжа ... и АО «...» о создании центра подписано»: the
        # bodies in the genitive of the document the verb's subject names
        owners = _document_genitives(d) if not bodies else []
        owned = _document_owner(d) if not (bodies or owners) else []
        if owned:  # «Подписано соглашение правительства области с ООО «...»»: the owner's «с» partners sign with it
            partners = [u for u, r in d.roles if r == "with"]
        named = bodies or owners or owned or signers or sides
        d.groups = [_refs(d, named + partners)] if named else []
        d.with_partners = bool(partners)
        return
    # a name whose case its words cannot tell, before the verb, is its subject («ООО «Бета» и ...»)
    # after the verb when the document opens the clause: «Дорожную карту подписали АО «Альфа» и ...»
    fronted = d.document is not None and d.document.first < d.match.first
    no_subject = not any(r == "subj" for _u, r in d.roles)
    # «Администрация района совместно с колледжем и АО «Y» заключила соглашение»: partners together
    # with the subject sign as parties of their own
    subjects = [
        u for u, r in d.roles
        if r in ("subj", "with", "head", "together") or r == "none" and (u.last <= d.match.first or fronted)
        or r == "dep" and _place_of_authorities(d, u)
        # «договор ...: его с заводом заключил Южский аграрный техникум»: the document the object
        # before the verb, a name after it that may be a nominative is its subject
        or r == "obj" and fronted and no_subject and u.first >= d.match.last and may_be_nominative(d.scene, u)
    ]
    if not any(r == "subj" for _u, r in d.roles):
        subjects = _names_before_verb(d) + _subject_outside(d) + subjects
    if all(r == "with" or _signers_together(u) for u, r in d.roles if u in subjects) and (owner := _document_owner(d)):
        # «оба расписались под соглашением Пензенщины с «Рамзай-Полимером»»: the document's owner
        # and its «с» partners, when no subject is named but the persons who signed
        subjects = owner + [u for u, r in d.roles if u in subjects and r == "with"]
    together = {u.first for u, r in d.roles if r == "together"}
    if all(u.first in together for u in subjects):
        subjects = []  # a partner «вместе с» a subject not found is no side alone
    if not subjects and d.kind == "sign":
        subjects = _whose_signatures(d)
    if sides:  # who signed for a side is no party: «Со стороны банка соглашение подписала ... Ирина Соломатина»
        subjects = [u for u in subjects if u.refs and u.refs[0][0] != "person"]
    if subjects or sides:
        d.groups = [_refs(d, subjects + sides)]
        d.with_partners = any(r == "with" or r == "none" and _listed_after_with(d, u) for u, r in d.roles)


def _signers_together(unit: Unit) -> bool:
    """«оба», «они», «все трое»: the persons named before, who sign for their bodies."""
    return unit.via == "sides" and (unit.lemma in PLURAL_PRONOUNS or unit.lemma in person_counts())


# the words of a «с» group a colon may close: «с двумя арендаторами лесных участков:»
WITH_GROUP_WORDS = 5


def _listed_after_with(d: Draft, unit: Unit) -> bool:
    """A unit listed after a colon that closes a «с» group naming no one: «заключило с двумя
    арендаторами: ООО «А» и АО «Б»» has the listed partners."""
    toks = d.scene.toks
    colon = next((k for k in range(unit.first - 1, d.match.last - 1, -1) if toks[k].text == ":"), None)
    if colon is None or any(toks[k].text in (".", ";") for k in range(colon, unit.first)):
        return False
    return _closes_a_with_group(toks, colon, d.match.last)


def _closes_a_with_group(toks: list[Token], colon: int, start: int) -> bool:
    """The colon closes a «с» group of a few nouns, adjectives and numbers after `start`: «с двумя
    арендаторами лесных участков:», «со следующими предприятиями:»."""
    for k in range(colon - 1, max(start - 1, colon - 1 - WITH_GROUP_WORDS), -1):
        if toks[k].text.lower() in WITH:
            return True
        if toks[k].pos not in ("NOUN", "ADJ", "NUM"):
            return False
    return False


def _partners_listed_next(d: Draft) -> None:
    """«подписал договоры со следующими предприятиями:» closing the sentence, the partners listed
    in the dashed or numbered items after it, one a line: «— АО «А»;», «— ООО «Б».»."""
    scene, toks = d.scene, d.scene.toks
    sent = scene.tagged.sents[d.sent]
    colon = sent.last - 1
    if len(d.groups) != 1 or colon <= d.match.last or toks[colon].text != ":":
        return
    if not _closes_a_with_group(toks, colon, d.match.last):
        return
    partners: list[Ref] = []
    for s in range(d.sent + 1, len(scene.tagged.sents)):
        item = scene.tagged.sents[s]
        if not _opens_a_list_item(toks, item.first, item.last):
            break
        bracketed = _in_brackets(toks, item.first, item.last)
        # «— ООО «А» (46 магазинов в Пензенской области);»: what the brackets say of a partner is none
        partners += [
            u.refs[0] for u in scene.units(s) if u.refs and u.refs[0][0] != "person" and u.first not in bracketed
        ]
    if partners:
        d.groups = [distinct(d.groups[0] + partners)]
        d.with_partners = True
        d.listed = partners


# the pronouns by which the sentence after a signing names the documents: «Поставлять их будут A и Б»
PLURAL_DOCUMENT_PRONOUNS = frozenset({"их", "они", "ним", "них", "ими", "ними"})


def _partners_in_the_sentence_after(d: Draft) -> None:
    """«Сегодня предприятие заключило два договора на поставку опилок. Поставлять их будут ООО «А» и
    ООО «Б»»: one side signing documents with no partner named; the sentence after names the
    partners as it speaks of the documents by a pronoun."""
    if d.document is None or not d.document.plural or len(d.groups) != 1 or len(d.groups[0]) != 1:
        return
    scene = d.scene
    nxt = d.sent + 1
    if nxt >= len(scene.tagged.sents) or triggers_of(scene, "agreements", agreement_triggers(), nxt):
        return
    span = scene.sentence_tokens(nxt)
    if not any(scene.toks[k].text.lower() in PLURAL_DOCUMENT_PRONOUNS for k in range(span.start, span.stop)):
        return
    side = d.groups[0][0]
    if side[0] != "organization":
        return
    # the partners are the sentence's subjects or names of no case («Поставлять их будут ООО «А» и ООО «Б»»),
    # not what it names otherwise («Одно из них – между A, B и C – посвящено ...»: one document's sides)
    subjects = [u for clause in clauses(scene, nxt) for u, r in roles_in(scene, clause) if r in ("subj", "none")]
    partners = distinct([u.refs[0] for u in subjects if _side_told(scene, u) and u.refs[0] != side])
    if len(partners) >= 2:
        d.groups = [[side, *partners]]
        d.with_partners = True
        d.listed = partners
        d.last_sent = nxt


def _in_brackets(toks: list[Token], first: int, last: int) -> set[int]:
    """The tokens from first to last that stand inside round brackets."""
    inside, depth = set(), 0
    for k in range(first, last):
        if toks[k].text == ")":
            depth = max(0, depth - 1)
        if depth:
            inside.add(k)
        if toks[k].text == "(":
            depth += 1
    return inside


# the roles of a genitive after a noun: «подписи главного врача ... и ректора ...»
GENITIVE_ROLES = frozenset({"gen", "gen_case", "dep"})


def _document_genitives(d: Draft) -> list[Unit]:
    """The organizations and places in the genitive right after the document noun before the verb,
    two at the least: «Соглашение министерства ..., колледжа ... и АО «...» о ... подписано»."""
    doc = d.document
    if doc is None or doc.first >= d.match.first:
        return []
    owners = [
        u for u, r in d.roles
        if r in GENITIVE_ROLES and doc.first < u.first < d.match.first and u.refs and u.refs[0][0] != "person"
    ]
    return owners if len(owners) >= 2 else []


def _document_owner(d: Draft) -> list[Unit]:
    """The one body or place in the genitive right after the document noun, with a «с» partner
    right after it: «соглашение правительства области | с ООО «...»», «соглашением Пензенщины |
    с «Рамзай-Полимером»»."""
    doc, toks = d.document, d.scene.toks
    if doc is None:
        return []
    owner = next((u for u, r in d.roles if r in GENITIVE_ROLES and u.first == doc.last), None)
    if owner is None or not owner.refs or owner.refs[0][0] == "person":
        return []
    if toks[owner.last].text.lower() not in ("с", "со"):
        return []
    partnered = any(r == "with" and u.first == owner.last + 1 for u, r in d.roles)
    return [owner] if partnered else []


def _place_of_authorities(d: Draft, unit: Unit) -> bool:
    """«власти Республики Коми и компания подписали»: the place whose authorities sign as the subject
    is the party, as a territory."""
    toks = d.scene.toks
    before = toks[unit.first - 1] if unit.first > 0 else None
    return (
        bool(unit.refs) and unit.refs[0][0] == "location" and before is not None
        and before.lemma in words("place_authorities") and before.case == "Nom"
    )


def _whose_signatures(d: Draft) -> list[Unit]:
    """«Под договором стоят подписи главного врача центра ... и ректора академии ...»: the persons
    in the genitive after «подписи» signed."""
    return [
        u for u, r in d.roles
        if r in GENITIVE_ROLES and u.first >= d.match.last and u.refs and u.refs[0][0] == "person"
    ]


# what joins the names of a list the participle follows: «A, B и C, подписавшие ...»
LIST_JOINERS = frozenset({",", "и"})


def _participle_holders(d: Draft) -> list[Unit]:
    """«Администрация города, колледж и ООО «Бета», подписавшие сегодня соглашение, ...»: an
    active participle after a comma speaks of the names listed right before the comma."""
    toks = d.scene.toks
    trigger = toks[d.match.first]
    if d.kind != "verb":
        return []
    if not trigger.is_participle or not active_participle(trigger.text):
        return _whose_heads(d)
    listed = _listed_before(d, d.match.first - 1)
    if listed and unit_case(d.scene, listed[-1]) in (None, trigger.case):
        return listed
    # «кооператив «А» стал первым хозяйством района, подписавшим с банком договор»: the participle
    # agrees with the predicate's noun in the instrumental, no name; it speaks of the link verb's subject
    after_comma = d.scene.toks[d.match.first - 1].text == ","
    instrumental = trigger.case == "Ins" or any(p.tag.case == "ablt" for p in trigger.parses)
    return _subject_of_a_link_verb(d) if instrumental and after_comma else []


# verbs linking a subject to a noun in the instrumental: «стал первым хозяйством», «является участником»
LINK_VERBS = frozenset({"стать", "являться", "оказаться", "становиться"})


def _subject_of_a_link_verb(d: Draft) -> list[Unit]:
    parent = d.clause.parent
    if parent is None:
        return []
    verb = next((k for k in parent.tokens if d.scene.lemmas[k] in LINK_VERBS), None)
    if verb is None:
        return []
    # a name of no case before the verb is its subject too: «СПК «Увинский» стал»
    return [
        u for u, r in roles_in(d.scene, parent)
        if (r == "subj" or r == "none" and u.last <= verb) and u.refs and u.refs[0][0] == "organization"
    ]


# the relative word of a clause saying whose people signed: «X и Y, чьи руководители подписали»
WHOSE = frozenset({"чей", "чьи", "чья", "чьё", "чье"})


def _whose_heads(d: Draft) -> list[Unit]:
    """«СТЦМ и АО «Хакасская фольга», чьи руководители сегодня подписали договор»: those whose
    people signed are the names listed before the comma."""
    intro = d.clause.intro
    if d.clause.parent is None or intro is None or d.scene.toks[intro].text.lower() not in WHOSE:
        return []
    return _listed_before(d, intro - 1)


def _listed_before(d: Draft, k: int) -> list[Unit]:
    """The names listed right before the comma at `k`: «A, B и C,»."""
    toks = d.scene.toks
    if k < 1 or toks[k].text != ",":
        return []
    ending = {u.last: u for u in d.scene.units(d.sent) if u.refs}
    out: list[Unit] = []
    while k in ending:
        u = ending[k]
        out.insert(0, u)
        k = u.first - 1
        if k < 0 or toks[k].text not in LIST_JOINERS:
            break
    return out


def _bodies_around_signed_document(d: Draft) -> list[Unit]:
    """«X, Y и Z объединили усилия в рамках соглашения ..., подписанного сегодня», «Соглашение ...,
    подписанное сегодня, собрало X, Y и Z»: a full passive participle after the document it speaks
    of says who signed no more; the bodies the document's own clause names as its subjects or
    objects are the parties."""
    trigger = d.scene.toks[d.match.first]
    parent = d.clause.parent
    if d.kind != "verb" or not trigger.is_participle or active_participle(trigger.text) or parent is None:
        return []
    if trigger.feats.get("Variant") == "Short" or d.document is None or d.document.first not in parent.tokens:
        return []
    roles = roles_in(d.scene, parent)
    bodies = [u for u, r in roles if r in ("subj", "obj", "none") and u.refs and u.refs[0][0] == "organization"]
    if len(bodies) < 2:
        bodies = _bodies_interacting(d, parent.tokens, roles)
    return bodies if len(bodies) >= 2 else []


# nouns whose genitives are those who act together: «определяет порядок взаимодействия A, B и C»
INTERACTION = frozenset({"взаимодействие", "сотрудничество", "партнёрство", "партнерство"})


def _bodies_interacting(d: Draft, tokens: Sequence[int], roles: list[tuple[Unit, str]]) -> list[Unit]:
    """The organizations in the genitive right after a noun of interaction of the clause: «Соглашение
    ..., подписанное сегодня, определяет порядок взаимодействия министерства ..., колледжа ... и
    ООО «...»»."""
    lemmas = d.scene.lemmas
    noun = next((k for k in tokens if lemmas[k] in INTERACTION), None)
    if noun is None:
        return []
    listed = sorted((u for u, r in roles if u.first > noun and r in GENITIVE_ROLES), key=lambda u: u.first)
    if not listed or listed[0].first != noun + 1:
        return []
    return [u for u in listed if u.refs and u.refs[0][0] == "organization"]


def _subject_outside(d: Draft) -> list[Unit]:
    """«Губернатор посетил завод, подписал соглашение с его владельцем»: a predicate going on
    after a comma keeps the subject of the clause before, and so does a gerund («X и Y ударили по
    рукам, оформив протокол»)."""
    if d.clause.parent is None:
        return []
    intro = d.clause.intro
    if intro is not None and intro >= 2 and d.scene.toks[intro].feats.get("VerbForm") == "Conv":
        before = clause_at(d.scene, intro - 2)  # the clause the gerund's comma closes
        return [u for u, r in roles_in(d.scene, before) if r == "subj"] if before is not d.clause else []
    if d.clause.kind not in ("predicate", "contrast"):
        return []
    return [u for u, r in roles_in(d.scene, d.clause.parent) if r == "subj"]


def _names_before_verb(d: Draft) -> list[Unit]:
    """«В присутствии официальных лиц ОАО «Альфа» и ООО «Бета» подписали»: names whose case
    cannot be told, right before a verb with no subject, are its subject; so is an accusative that
    is a nominative too («С АО «А» и ООО «Б» колледж сегодня подписал»)."""
    scene = d.scene
    ending = {u.last: u for u in scene.units(d.sent)}
    out: list[Unit] = []
    k = d.match.first
    while k - 1 in d.clause:
        u = ending.get(k)
        case = unit_case(scene, u) if u is not None else None
        signer = _signer_in_the_name_of(d, u) if u is not None and not out else None
        if signer is not None:
            k = signer  # past who signs for it: «АО «А» в лице директора Марии Ч. заключило»
        elif u is not None and (case is None or case == "Acc" and may_be_nominative(scene, u)):
            out.insert(0, u)
            k = u.first
        elif scene.toks[k - 1].text.lower() in (",", "и") and out or scene.toks[k - 1].pos == "ADV" and not out:
            k -= 1  # and an adverb before the verb: «колледж сегодня подписал»
        else:
            break
    return out


# the most tokens of «в лице» and the post before its signer's name
MAX_SIGNER_POST_TOKENS = 6


def _signer_in_the_name_of(d: Draft, u: Unit) -> int | None:
    """Where «в лице» opens before a person's unit u: «в лице генерального директора Марии Ч.»."""
    toks = d.scene.toks
    if not (u.refs and u.refs[0][0] == "person"):
        return None
    for k in range(u.first - 1, max(u.first - 1 - MAX_SIGNER_POST_TOKENS, -1), -1):
        if k not in d.clause:
            return None
        if toks[k].text.lower() == "в" and toks[k + 1].text.lower() == "лице":
            return k
    return None


def _between_groups(d: Draft) -> list[list[Ref]]:
    """«между A и B, между C и D, а также между E и F»: one list per «между»."""
    groups: list[list[Unit]] = []
    toks = d.scene.toks
    last_between = -1
    for unit, r in d.roles:
        if r != "between":
            continue
        opened = any(toks[k].text.lower() == "между" for k in range(last_between + 1, unit.first))
        if opened or not groups:
            groups.append([])
        groups[-1].append(unit)
        last_between = unit.last - 1
    return [refs for g in groups if (refs := _refs(d, g))]


def _each_listed_partner(d: Draft) -> list[list[Ref]]:
    """«Кредитные договоры подписаны между банком и двумя предприятиями: ООО «А» и ООО «Б»»: documents
    in the plural between one party and a counted set of partners, one document with each."""
    units = [u for u, r in d.roles if r == "between"]
    if d.document is None or not d.document.plural or len(units) != 2 or units[1].count is None:
        return []
    first, partners = _refs(d, units[:1]), _refs(d, units[1:])
    if len(first) != 1 or len(partners) < 2:
        return []
    return [[first[0], p] for p in partners if p != first[0]]


def _listed_after_colon(d: Draft) -> list[tuple[str | None, list[Ref]]]:
    """«подписаны документы: соглашение между A и B, меморандум ... между C и D, а также договор
    ... между E и F»: each document of the list with the parties of its «между»; a colon that ends
    the sentence opens a list of numbered or dashed items, one sentence each («1. Соглашение ...
    — между A и B.»)."""
    scene, toks = d.scene, d.scene.toks
    sent = scene.tagged.sents[d.sent]
    colon = next((k for k in range(d.match.last, sent.last) if toks[k].text == ":"), None)
    if colon is None:
        return []
    out = _documents_between(d, d.sent, colon, sent.last)
    if colon == sent.last - 1:
        for s in range(d.sent + 1, len(scene.tagged.sents)):
            item = scene.tagged.sents[s]
            if not _opens_a_list_item(toks, item.first, item.last):
                break
            out += _documents_between(d, s, item.first, item.last)
    return out


def _opens_a_list_item(toks: list[Token], first: int, last: int) -> bool:
    """«1. Соглашение ...», «2) Договор ...», «— Меморандум ...», «• Соглашение ...»."""
    if first >= last:
        return False
    if toks[first].text in DASHES or toks[first].text in ("•", "-", "*"):
        return True
    return toks[first].text.isdigit() and first + 1 < last and toks[first + 1].text in (".", ")")


def _documents_between(d: Draft, sent: int, start: int, stop: int) -> list[tuple[str | None, list[Ref]]]:
    """Each document told between `start` and `stop` with the parties of the «между» after it."""
    scene, toks = d.scene, d.scene.toks
    betweens = [k for k in range(start + 1, stop) if toks[k].text.lower() == "между"]
    units = scene.units(sent)
    out: list[tuple[str | None, list[Ref]]] = []
    for n, k in enumerate(betweens):
        end = betweens[n + 1] if n + 1 < len(betweens) else stop
        begin = betweens[n - 1] if n else start
        docs = [doc for doc in _documents_in(scene, clause_at(scene, k)) if begin < doc.first < k]
        sides = sorted((u for u in units if u.refs and u.refs[0][0] != "person" and k < u.first and u.last <= end),
                       key=lambda u: u.first)
        refs = _joined_sides(toks, sides)
        if docs and len(refs) >= 2:
            out.append((docs[-1].kind, refs))
    return out


def _joined_sides(toks: list[Token], units: list[Unit]) -> list[Ref]:
    """The sides of one «между»: the names up to the first that «и» does not join on."""
    out: list[Ref] = []
    for u in units:
        out.append(u.refs[0])
        if len(out) >= 2 and not any(t.text == "и" for t in toks[u.last : u.last + 3]):
            break
    return distinct(out)


def _passive(tok: Token) -> bool:
    return tok.feats.get("Voice") == "Pass" or tok.feats.get("Variant") == "Short"


def _passive_with_agent(toks: list[Token], k: int) -> bool:
    """A passive verb, or a passive participle the tagger read as a name or an adjective before its
    agent in the instrumental: «— Подписанный ректором ... договор» opening a sentence."""
    tok = toks[k]
    if _passive(tok):
        return True
    return (
        tok.pos in ("PROPN", "ADJ")
        and tok.text[:1].isupper()
        and k + 1 < len(toks)
        and toks[k + 1].case == "Ins"
        and any({"PRTF", "pssv"} <= p.tag.grammemes for p in parses(tok.text.lower()))
    )


def _refs(d: Draft, units: list[Unit]) -> list[Ref]:
    out: list[Ref] = []
    for u in units:
        if u.via == "sides":
            refs = _bodies_of_heads(d, resolve_sides(d.scene, u, d.earlier))
            if refs:
                d.first_sent = min(d.first_sent, _first_sentence_of(d, refs))
            out += refs or _named_after(d, u)
        else:
            out += list(u.refs)
    return distinct(out)


def _bodies_of_heads(d: Draft, refs: list[Ref]) -> list[Ref]:
    """«Ректор университета X и директор агрохолдинга Y провели встречу. ... стороны подписали
    договор»: sides that are persons each named with the organization of a post sign for those
    organizations, which are the parties."""
    persons = d.scene.doc.persons
    bodies: list[Ref] = []
    for kind, index in refs:
        org = next((p.org_ref for p in persons[index].posts if p.org_ref is not None
                    and p.org_ref.type == "organization"), None) if kind == "person" else None
        if org is None:
            return refs
        bodies.append(("organization", org.index))
    return distinct(bodies) if len(distinct(bodies)) == len(refs) else refs


def _first_sentence_of(d: Draft, refs: list[Ref]) -> int:
    for st in reversed(d.earlier):
        if st.sides == refs:
            return st.first_sent
    return max(0, d.sent - 1)


def _named_after(d: Draft, unit: Unit) -> list[Ref]:
    """«заключил с партнёрами ... ряд соглашений. ... в число партнёров вошли X, Y»: the word
    used again a sentence or two later, with the names it stands for."""
    scene = d.scene
    if unit.count is not None or unit.lemma in ("сторона", "они"):
        return []  # «с тремя кубинскими вузами»: a number of unnamed sides; «стороны» look back
    for s in range(d.sent + 1, min(len(scene.tagged.sents), d.sent + 3)):
        if any(scene.lemmas[k] == unit.lemma for k in scene.sentence_tokens(s)):
            refs = [u.refs[0] for u in scene.units(s) if u.refs and u.refs[0][0] == "organization"]
            if refs:
                d.last_sent = max(d.last_sent, s)
                return distinct(refs)
    return []


def _signers_of_parties(d: Draft) -> None:
    """The persons who sign are parties only when the text names no side for them: a signer
    whose post names a party goes («ректор ТОГУ» beside ТОГУ)."""
    persons = d.scene.doc.persons
    for g in d.groups:
        sides = {r for r in g if r[0] != "person"}
        for r in list(g):
            if r[0] == "person" and any(
                p.org_ref is not None and (p.org_ref.type, p.org_ref.index) in sides for p in persons[r[1]].posts
            ):
                g.remove(r)


def _parties_next(d: Draft) -> None:
    """«...поставил подпись под двумя соглашениями. Одно из них – между A, B и C – ...»: no
    parties here, a «между» list in the next sentence names them."""
    signers_only = all(r[0] == "person" for g in d.groups for r in g)
    one_party = len(d.groups) == 1 and len(d.groups[0]) == 1 and d.groups[0][0][0] != "person"
    if d.groups and not (signers_only and d.document is not None and d.document.plural) and not one_party:
        return
    if d.sent + 1 >= len(d.scene.tagged.sents):
        return
    nxt = d.sent + 1
    later = triggers_of(d.scene, "agreements", agreement_triggers(), nxt)
    if later:
        if not d.groups and all(_signatures_of_the_one_before(d.scene, nxt, m) for m in later):
            _signers_named_next(d, nxt)
        return
    if one_party:
        _partners_named_next(d, nxt)
        return
    for clause in clauses(d.scene, nxt):
        groups = [[u.refs[0] for u in [u] if u.refs] for u, r in roles_in(d.scene, clause) if r == "between"]
        refs = distinct([r for g in groups for r in g])
        if refs:
            d.groups = [refs]
            d.last_sent = nxt
            return
    _sides_named_next(d, nxt)


def _signatures_of_the_one_before(scene: Scene, sent: int, match: Match) -> bool:
    """«Подписи под ним принадлежат ...», «Подписи поставили ...»: signatures naming no document
    of their own speak of the one signed in the sentence before."""
    if scene.lemmas[match.first] != "подпись":
        return False
    later = Draft(scene, sent, match, [])
    _document(later)
    return later.rejected


def _signers_named_next(d: Draft, nxt: int) -> None:
    """«Договор ... подписан в понедельник. Подписи под ним принадлежат директору колледжа X и
    генеральному директору ООО «Y» Z»: the signing names no parties, the signatures after it name
    who signed (their bodies are the parties, `_bodies_of_signers`)."""
    # not a place a signer's relative clause tells of («АО «Б», которое разрабатывает карьер под Сланцами»)
    refs = distinct([u.refs[0] for u in d.scene.units(nxt) if u.refs and not _in_relative_clause(d.scene, u)])
    if len(refs) >= 2:
        d.groups = [refs]
        d.last_sent = nxt


def _partners_named_next(d: Draft, nxt: int) -> None:
    """«Министерство сегодня подписало соглашение. Партнёрами министерства по документу выступили
    A и B»: a signing of one party whose partners the next sentence names by their role."""
    scene = d.scene
    naming = [
        c for c in clauses(scene, nxt)
        if any(_names_a_side(scene, k) and scene.lemmas[k] != "сторона" for k in c.tokens)
    ]
    own = d.groups[0][0]
    # the names in the clauses of the roles, not in a relative clause after them («Покупателем выступает
    # A, которая передаст технику предприятию B»)
    refs = [
        u.refs[0] for u in scene.units(nxt)
        if u.refs and u.refs[0][0] != "person" and u.refs[0] != own and any(u.first in c.tokens for c in naming)
    ]
    if refs:
        d.groups = [distinct([own, *refs])]
        d.last_sent = nxt


# the words opening the sentence that names the other side: «Другой — сама больница»
OTHER_SIDE_WORDS = frozenset({"другой", "второй"})
# the nouns of a document's sides before its noun: «участникам соглашения», «сторонами договора»
SIDE_NOUNS = frozenset({"сторона", "участник"})


def _names_a_side(scene: Scene, k: int) -> bool:
    """«сторона» in any form, or a side's role in the instrumental of what one acts as («Заказчиком
    выступает»; not «передано заказчику»)."""
    lemma, tok = scene.lemmas[k], scene.toks[k]
    # the tagger may miss the case of a rare word opening a sentence («Жертвователем по нему выступает»)
    instrumental = tok.case == "Ins" or any(p.tag.case == "ablt" for p in tok.parses)
    return lemma == "сторона" or lemma in words("side_role") and instrumental


def _sides_named_next(d: Draft, nxt: int) -> None:
    """«Договор ... подписан 17 ноября. Его сторонами стали A и B», «Одной стороной документа
    выступил A. Другой — B» or «Заказчиком по нему выступает A, подрядчиком — B»: the sentence
    after a signing that names no parties names its sides, by a word of a side's role."""
    scene = d.scene
    listing = scene.toks[max(scene.sentence_tokens(nxt))].text == ":"
    if any(_names_a_side(scene, k) for k in scene.sentence_tokens(nxt)):
        sents = [nxt]
        after = nxt + 1
        if after < len(scene.tagged.sents) and scene.lemmas[min(scene.sentence_tokens(after))] in OTHER_SIDE_WORDS:
            sents.append(after)
        elif listing:
            sents += _list_items_after(scene, nxt)  # «Стороны соглашения:» and a line for each
    else:
        # «Главное о документе ... изложила в справке:» and a line «— стороны: A, B, C;» among its items
        item = next((k for k in _list_items_after(scene, nxt) if any(
            _names_a_side(scene, j) for j in scene.sentence_tokens(k))), None) if listing else None
        if item is None:
            return
        sents = [item]
    refs = distinct([
        u.refs[0] for s in sents for u in scene.units(s)
        if u.refs and u.refs[0][0] != "person" and not _in_relative_clause(scene, u)
    ])
    if len(refs) >= 2:
        d.groups = [refs]
        d.last_sent = sents[-1]


def _in_relative_clause(scene: Scene, unit: Unit) -> bool:
    """«и ООО «Бекон», которое запустило под Мещовском свинокомплекс»: what a side's relative clause
    tells of is no side."""
    clause = clause_at(scene, unit.first)
    return clause.intro is not None and any(
        scene.toks[k].lemma == "который" for k in range(clause.intro, min(clause.intro + 3, unit.first))
    )


def _list_items_after(scene: Scene, sent: int) -> list[int]:
    """The sentences after `sent` that are the items of its list, each a line opening with a dash
    or a bullet («— министерство ...;»)."""
    items = []
    for k in range(sent + 1, len(scene.tagged.sents)):
        if scene.toks[min(scene.sentence_tokens(k))].text not in ITEM_MARKS:
            break
        items.append(k)
    return items


def _sides_listed_after(d: Draft) -> None:
    """«Соглашение подписано в трёх экземплярах — по одному для каждой из сторон: A, B и C»: a
    signing that names no parties, its sentence going on with «сторон» and a colon, is of the
    organizations listed after the colon; so too «участникам соглашения, подписанного сегодня, — A,
    B и C»: the sides named before the document, listed after a dash."""
    if d.groups:
        return
    scene, toks = d.scene, d.scene.toks
    end = scene.tagged.sents[d.sent].last
    colon = next((k for k in range(d.match.last, end) if toks[k].text == ":"), None)
    sides_of_document = d.document is not None and d.document.first > 0 and (
        scene.lemmas[d.document.first - 1] in SIDE_NOUNS
    )
    if sides_of_document and colon is None:
        colon = next((k for k in range(d.match.last, end) if toks[k].text in DASHES), None)
    # «три организации, которые сегодня подписали соглашение о строительстве дома: A, B и C»: the
    # list right after the document's name is of who signed it
    listed_after_document = d.document is not None and colon == d.document.name_end
    if colon is None or not sides_of_document and not listed_after_document and not any(
        scene.lemmas[k] == "сторона" for k in range(max(d.match.last, colon - 3), colon)
    ):
        return
    refs = distinct([u.refs[0] for u in scene.units(d.sent) if u.first > colon and u.refs and u.refs[0][0] != "person"])
    if len(refs) >= 2:
        d.groups = [refs]


def _one_side_and_the_other_after(d: Draft) -> None:
    """«По соглашению ..., подписанному сегодня, с одной стороны A включит проект в перечень, с другой
    стороны B построит завод»: a signing that names no parties, its sentence going on with «с одной
    стороны» and «с другой стороны», is of the first organization after each."""
    if d.groups:
        return
    scene, toks = d.scene, d.scene.toks
    end = scene.tagged.sents[d.sent].last
    glosses = [k for k in range(d.match.last, end) if side_named_at(toks, k) is not None]
    if [side_named_at(toks, k) for k in glosses] != ["один", "другой"]:
        return
    sides = []
    for start, stop in ((glosses[0] + 3, glosses[1]), (glosses[1] + 3, end)):
        side = next((u.refs[0] for u in scene.units(d.sent) if start <= u.first < stop and u.refs), None)
        if side is None or side[0] == "person":
            return
        sides.append(side)
    if len(distinct(sides)) == 2:
        d.groups = [sides]


# how many sentences back the one side that signed several documents may stand
DOCUMENTS_BEFORE = 2


def _unsigned_passive(d: Draft) -> bool:
    """A passive signing verb whose parties no step has found yet: the steps that look for them
    elsewhere (the sentence before, a colon, a relative clause) read only these."""
    return not d.groups and d.kind == "verb" and _passive(d.scene.toks[d.match.first])


def _signer_of_documents_before(d: Draft) -> None:
    """«Администрация ... сегодня подписала два документа с разными партнёрами. Концессионное
    соглашение ... заключено с ООО «Х»»: a passive signing with a partner and no agent is of the
    one side that signed several documents a sentence or two before (DOCUMENTS_BEFORE)."""
    if not _unsigned_passive(d):
        return
    partners = _refs(d, [u for u, r in d.roles if r == "with"])
    # «... подписало два договора. С банком комбинат заключил ... Второй документ ... подписан с ...»
    before = next(
        (st for st in reversed(d.earlier) if d.sent - st.sent <= DOCUMENTS_BEFORE and st.extra.get("plural")), None
    )
    if not partners or before is None or len(before.sides) != 1:
        return
    d.groups = [distinct(before.sides + partners)]
    d.with_partners = True


def _subject_before_signs_with(d: Draft) -> None:
    """«Сегодня банк добрался и до районной власти. С администрацией округа подписано соглашение о
    ...»: a passive signing with a «с» partner and no agent is of the one organization the sentence
    before has for its subject."""
    if not _unsigned_passive(d) or d.sent == 0:
        return
    partners = _refs(d, [u for u, r in d.roles if r == "with"])
    if not partners or any(r in ("subj", "ins") for _u, r in d.roles):
        return
    subjects = distinct([
        u.refs[0] for clause in clauses(d.scene, d.sent - 1) if clause.kind == "main"
        for u, r in roles_in(d.scene, clause) if u.refs and u.refs[0][0] == "organization" and (
            r == "subj" or r == "none" and u.last <= _first_predicate(d.scene, clause)
        )  # «АО «А» открыло отделение»: a name whose case its words cannot tell, before the verb
    ])
    if len(subjects) == 1 and subjects[0] not in partners:
        d.groups = [distinct(subjects + partners)]
        d.with_partners = True
        d.first_sent = d.sent - 1


def _first_predicate(scene: Scene, clause: Clause) -> int:
    """The first finite verb of a clause (its end when it has none)."""
    toks = scene.toks
    return next((k for k in sorted(clause.tokens) if toks[k].feats.get("VerbForm") == "Fin"), max(clause.tokens) + 1)


def _parties_before(d: Draft) -> None:
    """«A, B и C теперь связаны трёхсторонним соглашением о ... . Документ подписан сегодня»: a
    passive signing of a document that names no parties is of the organizations listed with the
    agreement's own name in the sentence before (at least two, in the document's clause)."""
    if not _unsigned_passive(d) or d.sent == 0:
        return
    if d.document is not None and d.document.kind is not None:
        return  # a document named here is this sentence's own
    scene = d.scene
    before = triggers_of(scene, "agreements", agreement_triggers(), d.sent - 1)
    verbs = [m.first for m in before if m.value[0] == "verb"]
    for clause in clauses(scene, d.sent - 1):
        named = [doc for doc in _documents_in(scene, clause) if doc.kind is not None and not doc.plural]
        if len(named) != 1 or any(k in clause.tokens for k in verbs):
            continue  # a signing verb of its own there gives its own statement
        refs = distinct([u.refs[0] for u in units_in(scene, clause) if u.refs and u.refs[0][0] == "organization"])
        if len(refs) >= 2:
            d.groups = [refs]
            d.document = named[0]
            d.first_sent = d.sent - 1
            return


def _sides_in_the_documents_relative(d: Draft) -> None:
    """«Соглашение о ..., участниками которого стали A, B и C, подписано сегодня»: a passive signing
    with no agent, of a document whose relative clause names its sides by a side's word."""
    if not _unsigned_passive(d) or d.document is None:
        return
    scene = d.scene
    for clause in clauses(scene, d.sent):
        if clause.kind != "embedded" or clause.parent is not d.clause or clause.intro is None:
            continue
        if clause.intro < d.document.first or not _names_a_side(scene, clause.intro):
            continue
        refs = distinct([u.refs[0] for u in units_in(scene, clause) if u.refs and u.refs[0][0] != "person"])
        if len(refs) >= 2:
            d.groups = [refs]
            return


# the words after «в», «по» that point back at the document just signed: «роли в нём», «по нему»,
# «Арендодатель по договору»
BACK_PRONOUNS = frozenset({"нём", "нем", "нему"})
BACK_PREPOSITIONS = frozenset({"в", "по"})
# how far into the sentence after the signing those words may stand
BACK_REACH = 6


def _sides_told_in_it(d: Draft) -> None:
    """«Соглашение ... подписано сегодня в Сызрани, и роли в нём распределили три участника: A, B и
    C» (or «..., и сторонами выступили A, B и C»), «... подписано соглашение о ... . Интересы Среднего
    Урала в нём представлял X, интересы компании — Y», «Договор ... подписан сегодня. Арендодатель по
    договору — A, арендатор — B»: a passive signing with no agent names its sides after it, in the
    clause of its sentence or the sentence after it that points back at the document («в нём», «по
    нему», «по договору»)."""
    if not _unsigned_passive(d) or d.document is None:
        return
    scene = d.scene
    for sent in range(d.sent, min(d.sent + 2, len(scene.tagged.sents))):
        span = scene.sentence_tokens(sent)
        start = d.match.last if sent == d.sent else span.start
        # the sentence after speaks of the document from its first words
        stop = span.stop - 1 if sent == d.sent else min(span.stop - 1, start + BACK_REACH)
        # in the signing's own sentence a side's noun tells them too: «..., и сторонами выступили A, B и C»
        own = sent == d.sent
        told = (_points_back_at_the_document(scene, k) or own and _names_a_side(scene, k) for k in range(start, stop))
        if not any(told):
            continue
        refs = distinct([u.refs[0] for u in scene.units(sent) if u.first >= start and _side_told(scene, u)])
        if len(refs) >= 2:
            d.groups = [refs]
            d.last_sent = sent
        return


def _side_told(scene: Scene, u: Unit) -> bool:
    """A body or place told as a side: named («A, B и C»; «Арендодатель — A») or whose interests are
    («Интересы Среднего Урала»), not an object nor where something is done («передаст району»,
    «участок в Кировском районе»)."""
    if not u.refs or u.refs[0][0] == "person":
        return False
    if u.first > 0 and scene.toks[u.first - 1].pos == "ADP":
        return False
    return unit_case(scene, u) in ("Nom", "Gen", None)


def _points_back_at_the_document(scene: Scene, k: int) -> bool:
    """«в нём», «по нему», «по договору», «по соглашению»: the words at k point back at a document."""
    toks = scene.toks
    if toks[k].text.lower() not in BACK_PREPOSITIONS:
        return False
    after = toks[k + 1]
    return after.text.lower() in BACK_PRONOUNS or documents().match(scene.lemmas, k + 1, k + 2) is not None


def _counted_sides_before(d: Draft) -> None:
    """«Министерство ..., администрация ... и ООО «...» берутся вместе построить фабрику.
    Трёхстороннее соглашение ... подписано сегодня»: a passive signing of a document that counts
    its sides and names none is of the subjects of the sentence before, when they are that many;
    with no count, when that sentence says they act together."""
    if not _unsigned_passive(d) or d.sent == 0 or not d.document:
        return
    scene = d.scene
    first = max(scene.tagged.sents[d.sent].first, d.document.first - 1)
    counted = [side_counts()[t.lemma] for t in scene.toks[first : d.document.last] if t.lemma in side_counts()]
    sides = counted[0] if counted else None
    for clause in clauses(scene, d.sent - 1):
        refs = distinct([u.refs[0] for u, r in roles_in(scene, clause)
                         if r == "subj" and u.refs and u.refs[0][0] == "organization"])
        # no count: subjects the clause says act together («будут сообща организовывать A, B и C»)
        together = sides is None and len(refs) >= 2 and any(scene.lemmas[k] in words("together") for k in clause.tokens)
        if len(refs) == sides or together:
            d.groups = [refs]
            d.first_sent = d.sent - 1
            return


# how many sentences after a counted document's signing its sides may still be named
COUNTED_SIDES_REACH = 3
# prepositions of where a document was signed: «подписано в мэрии Череповца» names no side
PLACE_PREPOSITIONS = frozenset({"в", "во", "на"})


def _counted_sides_after(d: Draft) -> None:
    """«Трёхстороннее соглашение ... подписано сегодня: школу будут создавать вместе A, B и C»,
    «... подписано сегодня в городской администрации. A включит объект в программу. B отдаст
    участок. C вложит 60 млн рублей»: a document that counts its sides and whose signing names
    none is of the first that many organizations named after it (not where it was signed)."""
    if d.groups or not d.document:
        return
    scene = d.scene
    first = max(scene.tagged.sents[d.sent].first, d.document.first - 1)
    counted = [side_counts()[t.lemma] for t in scene.toks[first : d.document.last] if t.lemma in side_counts()]
    if not counted:
        return
    start = max(d.match.last, d.document.last)
    refs: list[Ref] = []
    last = min(len(scene.tagged.sents), d.sent + COUNTED_SIDES_REACH + 1)
    for sent in range(d.sent, last):
        for u in scene.units(sent):
            if u.first < start or not u.refs or u.refs[0][0] != "organization" or _in_relative_clause(scene, u):
                continue
            if u.first > 0 and scene.toks[u.first - 1].text.lower() in PLACE_PREPOSITIONS:
                continue
            refs = distinct([*refs, u.refs[0]])
            if len(refs) == counted[0]:
                d.groups = [refs]
                d.last_sent = sent
                return


# the roles of the sides a clause before a colon names: its subjects, whom it gives to, who with
COLON_CLAUSE_SIDES = frozenset({"subj", "none", "dat", "with"})


def _parties_before_colon(d: Draft) -> None:
    """«АО «Вектор» и ООО «Бета» договорились о сотрудничестве: соответствующий меморандум
    подписан ...»: a passive signing that names no parties, after a colon, is of the subjects
    of the clause before it, and of those it deals with («Администрация округа отдаёт застройщику
    14 гектаров: договор подписан сегодня»)."""
    if not _unsigned_passive(d):
        return
    toks = d.scene.toks
    s = d.scene.tagged.sents[d.sent]
    colon = next((k for k in range(d.match.first - 1, s.first - 1, -1) if toks[k].text == ":"), None)
    if colon is None:
        return
    refs = distinct([u.refs[0] for c in clauses(d.scene, d.sent) for u, r in roles_in(d.scene, c)
                     if u.last <= colon and r in COLON_CLAUSE_SIDES and u.refs and u.refs[0][0] == "organization"])
    if len(refs) >= 2:
        d.groups = [refs]


def _one_per_partner(d: Draft) -> None:
    """«глава региона заключил с партнёрами ряд соглашений»: one subject, several partners, a
    count of documents: one agreement with each partner; several subjects and one partner: one
    agreement of each subject with the partner."""
    if d.document is None or len(d.groups) != 1 or not d.with_partners:
        return
    one_each = _one_each(d.scene, d.match, d.document.first) or _partners_apart(d) or _each_signed(d)
    if not d.document.plural and not one_each:
        return
    group = d.groups[0]
    # the one side that is no partner: the subject, or else a passive verb's agent, no «с» partner
    # («подписанные институтом с АО «А», ООО «Б» и АО «В»»)
    subjects = distinct([u.refs[0] for u, r in d.roles if r == "subj" and u.refs])
    if not subjects:
        # «Договоры ... с ними фонд подписал»: «с ними» stands for the partners named before
        with_refs = _refs(d, [u for u, r in d.roles if r == "with" and (u.refs or u.via == "sides")])
        subjects = [r for r in group if r not in with_refs and r not in d.listed]
    partners = [r for r in group if r not in subjects]
    if len(subjects) == 1 and len(partners) > 1:
        d.groups = [[subjects[0], p] for p in partners]
        glosses = [_gloss_after(d, p) for p in partners]
        if d.document.kind and not d.document.own_name and all(glosses):
            # «договоры с АО «А» (о создании кафедры) и ООО «Б» (о практике студентов)»: each its subject
            d.kinds = [f"{d.document.kind} {g}" for g in glosses]
    elif len(subjects) > 1 and len(partners) == 1 and set(subjects) <= set(group):
        # «ООО «А» и ООО «Б» подписали с правительством края соглашения»: each subject its own
        d.groups = [[s, partners[0]] for s in subjects]


def _gloss_after(d: Draft, partner: Ref) -> str | None:
    """What the partner's document is about, in brackets right after its name: «(о практике студентов)»,
    «(на поставку щебня)» (the topic `clauses` lets a list reach past)."""
    toks = d.scene.toks
    unit = next((u for u, r in d.roles if r == "with" and u.refs and u.refs[0] == partner), None)
    if unit is None or unit.last + 1 >= len(toks) or toks[unit.last].text != "(":
        return None
    if toks[unit.last + 1].text.lower() not in TOPIC_PREPOSITIONS:
        return None
    reach = range(unit.last + 2, min(len(toks), unit.last + 2 + MAX_GLOSS_TOKENS))
    close = next((k for k in reach if toks[k].text == ")"), None)
    return d.scene.tagged.text[toks[unit.last + 1].start : toks[close - 1].end] if close else None


# what stands between two partners who each signed a document of their own
ALSO_WITH = ([",", "а", "также", "с"], [",", "а", "также", "со"])


def _partners_apart(d: Draft) -> bool:
    """«подписал договор с АО «А», а также с ООО «Б»»: a partner added with «а также» and a «с» of
    its own signed a document of its own."""
    toks = d.scene.toks
    partners = sorted((u for u, r in d.roles if r == "with"), key=lambda u: u.first)
    return any(
        [toks[j].text.lower() for j in range(a.last, b.first)] in ALSO_WITH
        for a, b in zip(partners, partners[1:], strict=False)
    )


def _each_signed(d: Draft) -> bool:
    """«два предприятия — А и Б: каждое из них оформило с колледжем договор»: «каждый» before the
    verb, the subject, gives each side a document of its own."""
    return any(d.scene.lemmas[k] == "каждый" for k in d.clause.tokens if k < d.match.first)


def _one_each(scene: Scene, match: Match, first: int) -> bool:
    """«С АО «А» и ООО «Б» колледж подписал по договору»: «по» right after the signing verb gives
    each partner a document of its own (not «расторгнут по соглашению сторон»)."""
    return first >= 2 and scene.toks[first - 1].lemma == "по" and match.last == first - 1


def _sides_of_meeting(d: Draft) -> None:
    """«Глава республики принял председателя совета директоров компании. По итогам встречи
    стороны заключили соглашение»: a signing that comes of the meeting told before, naming no
    parties, is of the meeting's sides, each for the organization of a post (`_body_of_head`)."""
    if any(d.groups) or _meeting_outcome_at(d.scene, d.clause) is None:
        return
    start = d.scene.toks[min(d.clause.tokens)].start
    before = [m for m in d.scene.doc.meetings if m.start < start]
    if not before:
        return
    refs = distinct([(p.type, p.index) for p in before[-1].participants])
    d.groups = [distinct([_body_of_head(d, r) for r in refs])]


def _body_of_head(d: Draft, ref: Ref) -> Ref:
    """A person's side: the organization of a post of theirs, else the person («министр ...
    области» names no organization of the region)."""
    if ref[0] != "person":
        return ref
    org = next((p.org_ref for p in d.scene.doc.persons[ref[1]].posts
                if p.org_ref is not None and p.org_ref.type == "organization"), None)
    return ref if org is None else ("organization", org.index)


def _bodies_of_signers(d: Draft) -> None:
    """«Ректор университета X и генеральный директор ООО «Y» поставили подписи под договором»: when
    every party is a person who signs for a body their post names, the bodies are the parties."""
    for n, group in enumerate(d.groups):
        if len(group) < 2 or all(r[0] != "person" for r in group):
            continue
        if all(r[0] == "person" for r in group):
            bodies = [b for r in group if (b := _signed_for(d, r)) is not None]
        else:  # «Ринне подписал договор с ООО «Невское вторсырьё»»: the signer's company and the other side
            bodies = [_body_of_head(d, r) for r in group]  # a minister of a region stays himself
        if len(distinct(bodies)) == len(group):
            d.groups[n] = distinct(bodies)


def _signed_for(d: Draft, ref: Ref) -> Ref | None:
    """The body a person signs for: the one said «за» before them, else the organization of a post of
    theirs, else its place («губернатор Тамбовской области»)."""
    behalf = _signed_on_behalf(d, ref)
    if behalf is not None:
        return behalf
    body = _body_of_person(d.scene, ref)
    return None if body == ref else body


def _signed_on_behalf(d: Draft, ref: Ref) -> Ref | None:
    """«За министерство соглашение подписала X, за колледж — Y»: the organization after «за» before the
    signer, no other person between them."""
    toks = d.scene.toks
    signer = next((u for u, _r in d.roles if u.refs and u.refs[0] == ref), None)
    if signer is None:
        return None
    before = [u for u, _r in d.roles if u.refs and u.last <= signer.first]
    last = before[-1] if before else None
    if last is None or last.refs[0][0] != "organization" or last.first == 0:
        return None
    return last.refs[0] if toks[last.first - 1].text.lower() == "за" else None


STEPS: list[Step] = [
    _done, _document, _parties, _partners_listed_next, _partners_in_the_sentence_after, _sides_listed_after,
    _one_side_and_the_other_after,
    _parties_next, _signer_of_documents_before, _parties_before, _counted_sides_before,
    _sides_in_the_documents_relative, _parties_before_colon, _counted_sides_after, _sides_told_in_it,
    _subject_before_signs_with,
    _sides_of_meeting, _signers_of_parties,
    _bodies_of_signers, _one_per_partner,
]


def _statements(scene: Scene, sent: int, match: Match, earlier: list[Statement]) -> list[Statement]:
    d = Draft(scene, sent, match, earlier)
    for step in STEPS:
        step(d)
        if d.rejected:
            return []
    doc = d.document
    kind = doc.kind if doc else None
    # «О заключении соглашения ... сообщила сегодня пресс-служба»: the day of the report, not the signing
    reported = d.kind == "noun" and match.first > 0 and scene.toks[match.first - 1].text.lower() in ("о", "об")
    date = None if reported else date_in(scene, sent, match.first) or _ceremony_date(scene, sent)
    meeting_date = None if date else _outcome_of_meeting(scene, d.clause)
    groups = [g for g in d.groups if g]
    if doc is not None and doc.plural and all(r[0] == "person" for g in groups for r in g):
        groups = []  # «принял участие в подписании ряда документов»: a summary, no fact of its own
    out = []
    kinds = list(d.kinds) if len(d.kinds) == len(groups) else [kind] * len(groups)
    if len(groups) == 1 and not d.kinds:
        groups, kinds = _each_document_its_sides(d, groups[0], kind)
    # who signs the gapped document too: the signing's parties but its «с» partners
    partners = {u.refs[0] for u, r in d.roles if r == "with" and u.refs}
    subjects = [r for r in groups[0] if r not in partners] if len(groups) == 1 and d.with_partners else []
    gapped = _gapped(scene, sent, match, subjects, kind)
    if gapped and len(groups) == 1:
        # the gapped clauses' partners are theirs, no party of the signing before them; a subject of
        # its own clause stays: «A и B подписали соглашение, а A и C — договор»; a clause opened by a
        # bare comma is read into the signing's: its sides count only when named before it as well
        first_gap = min(start for _, _, start in gapped)
        own = {u.refs[0] for u, r in d.roles if u.refs and r in ("subj", "none") and u.first < first_gap}
        theirs = {r for refs, _, _ in gapped for r in refs if r not in subjects and r not in own}
        groups = [[r for r in groups[0] if r not in theirs]]
    for refs, gapped_kind, _start in gapped:
        groups.append(refs)
        kinds.append(gapped_kind)
    for g, own_kind in zip(groups or [[]], kinds or [kind], strict=False):
        # no parties: a document named again (merged) or a summary (dropped)
        st = Statement(sent, match.first, g, d.first_sent, d.last_sent, date)
        st.extra.update(kind=own_kind, own_name=bool(doc and doc.own_name) or own_kind != kind,
                        meeting_date=meeting_date, plural=bool(doc and doc.plural) and own_kind == kind,
                        noun=_document_noun(own_kind), alike=bool(doc and doc.alike),
                        pointed=bool(doc and doc.pointed))
        out.append(st)
    return out


def _document_noun(kind: str | None) -> str | None:
    """The noun a document phrase is headed by: «соглашение» of «инвестиционное соглашение о ...»,
    so a title's «соглашение о заводе» and the body's «инвестиционное соглашение» are one noun."""
    words_ = kind.split() if kind else []
    noun = next((w for w in words_ if any(p.tag.POS == "NOUN" for p in parses(w.lower()))), None)
    return (noun or words_[0]).lower() if words_ else None


# words joining documents signed together: «соглашение ..., а также меморандум», «... и договор»
DOCUMENT_JOINERS = frozenset({",", "и", "а", "также"})


def _each_document_its_sides(d: Draft, group: list[Ref], kind: str | None) -> tuple[list[list[Ref]], list[str | None]]:
    """The documents joined to the one signed, each with its sides: its own «с» partner («заключило
    соглашение о ... с институтом, а также договор на поставку ... с ООО «Б»»), the subjects in turn
    («X и Y подписали с Z договор о ... и договор о ... соответственно»), else all the sides of
    the signing («подписали соглашение о сотрудничестве, а также меморандум о подготовке кадров»)."""
    own = _partners_after_documents(d)
    if own:
        partners = {p for _, p in own}
        rest = [r for r in group if r not in partners]
        return [[*rest, p] for _, p in own], [k for k, _ in own]
    kinds = [kind, *_joined_documents(d)]
    partners = distinct([u.refs[0] for u, r in d.roles if r == "with" and u.refs])
    subjects = [r for r in group if r not in partners]
    respectively = any(d.scene.lemmas[k] == "соответственно" for k in d.clause.tokens)
    if respectively and partners and len(kinds) > 1 and len(subjects) == len(kinds):
        return [[subj, *partners] for subj in subjects], kinds
    return [group] * len(kinds), kinds


def _partners_after_documents(d: Draft) -> list[tuple[str, Ref]]:
    """Documents joined in a list, each named with its own «с» partner right after it: (kind,
    partner) for each, when there are two or more."""
    doc = d.document
    if doc is None or doc.kind is None or doc.plural:
        return []
    toks = d.scene.toks
    partner_at = {u.first - 1: u for u, r in d.roles if r == "with" and u.refs}
    docs = _documents_in(d.scene, d.clause)
    # the list may open before the document the verb took, fronted: «Соглашение о ... с администрацией
    # района и договор о ... с институтом предприятие подписало»
    first = next((o for o in docs if o.first < doc.first and o.kind is not None and not o.plural), doc)
    later = [o for o in docs if o.first > first.first]
    out: list[tuple[str, Ref]] = []
    current: Document | None = first
    while current is not None and current.kind is not None and not current.plural:
        unit = partner_at.get(current.name_end)
        if unit is None or toks[current.name_end].text.lower() not in WITH:
            break
        out.append((current.kind, unit.refs[0]))
        nxt = next((o for o in later if o.first >= unit.last), None)
        gap = [toks[k].text.lower() for k in range(unit.last, nxt.first)] if nxt else []
        current = nxt if gap and all(w in DOCUMENT_JOINERS for w in gap) else None
    return out if len(out) >= 2 else []


def _joined_documents(d: Draft) -> list[str]:
    """The kinds of the documents joined to the one signed: «подписали соглашение о
    сотрудничестве, а также меморандум о подготовке кадров» signs both."""
    doc = d.document
    if doc is None or doc.kind is None or doc.plural:
        return []
    toks = d.scene.toks
    out: list[str] = []
    end = doc.name_end
    for other in _documents_in(d.scene, d.clause):
        if other.first <= doc.first:
            continue
        gap = [toks[k].text.lower() for k in range(end, other.first)]
        if not gap or any(w not in DOCUMENT_JOINERS for w in gap) or other.kind is None or other.plural:
            break
        out.append(other.kind)
        end = other.name_end
    return out


# the preposition of a partner: «с ООО «Б»»
WITH = frozenset({"с", "со"})


def _gapped_start(toks: list[Token], k: int, partner_first: bool) -> bool:
    """Where a clause leaving the verb out may open: «, а ...», «, с ООО «Б» — ...» and «..., то с
    ООО «Б» — ...» (after «Если с A ...»)."""
    low = toks[k].text.lower()
    if toks[k - 1].text == ",":
        return low == "а" or partner_first and low in WITH
    return toks[k - 1].text.lower() == "то" and toks[k - 2].text == "," and partner_first and low in WITH


def _gapped(
    scene: Scene, sent: int, match: Match, subjects: list[Ref], main_kind: str | None
) -> list[tuple[list[Ref], str | None, int]]:
    """A clause after the signing that leaves the verb out and names another agreement around a
    dash: «..., а Фонд и банк «Сибирь» — соглашение о кредитовании» (its own sides before the dash,
    its document after it, or its own subject before the dash and a «с» partner after it: «..., а
    администрация города — договор ... с АО «Б»»); with no sides before the dash, the signing's
    subjects and a «с» partner:
    «..., а после обеда — договор поставки с кооперативом «Б»», «..., а договор о поставках — с
    кооперативом «Б»»; «..., с ООО «Б» — о совместных исследованиях» (the signing's document noun,
    about what the words after the dash say), «..., а с ООО «Б» — договор лизинга»."""
    toks = scene.toks
    s = scene.tagged.sents[sent]
    out: list[tuple[list[Ref], str | None, int]] = []
    partner_first = bool(subjects and main_kind)  # «, с ООО «Б» — о ...» needs the signing's subject and noun
    # «..., банк и ООО «Б» — договор о ...»: after a bare comma, only sides of their own and a document
    bare = {
        k for k in range(match.last, s.last - 1)
        if toks[k - 1].text == "," and toks[k].text.lower() not in WITH and not _gapped_start(toks, k, partner_first)
    }
    starts = [k for k in range(match.last, s.last - 1) if _gapped_start(toks, k, partner_first) or k in bare]
    for n, a in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else s.last
        dash = next((k for k in range(a + 1, stop) if toks[k].text in DASHES), None)
        if dash is None or dash + 1 >= s.last:
            continue  # no dash, or nothing after it
        if a in bare:
            own = distinct([u.refs[0] for u in scene.units(sent) if a <= u.first and u.last <= dash and u.refs])
            docs = [doc for doc in _documents_in(scene, clause_at(scene, dash + 1)) if doc.first == dash + 1]
            if len(own) >= 2 and all(r[0] != "location" for r in own) and docs and docs[0].kind:
                out.append((own, docs[0].kind, a))
            continue
        units = [u for u in scene.units(sent) if a < u.first and u.last <= dash and u.refs]
        refs = distinct([u.refs[0] for u in units if u.refs[0][0] != "location"])
        after = [u.refs[0] for u in scene.units(sent) if dash < u.first and u.last <= stop and u.refs
                 and u.refs[0][0] == "organization"]
        withs = any(toks[k].text.lower() in WITH for k in range(dash + 1, stop))
        docs_after = [doc for doc in _documents_in(scene, clause_at(scene, dash + 1)) if doc.first == dash + 1]
        docs_before = [doc for doc in _documents_in(scene, clause_at(scene, a + 1)) if a < doc.first < dash]
        # a «с» partner after «а» as after a bare comma
        with_partner = toks[a].text.lower() in WITH or toks[a].text.lower() == "а" and toks[a + 1].text.lower() in WITH
        if with_partner:
            if refs and _about(toks, dash + 1) and main_kind:
                end = _about_end(scene, clause_at(scene, dash + 1), dash + 1)
                about = as_written(toks[dash + 1 : end], scene.tagged.text)
                out.append((distinct(subjects + refs), f"{main_kind.split()[0]} {about}", a))
            elif refs and docs_after and docs_after[0].kind:
                # «Если с институтом мануфактура подписала договор о ..., то с ООО «Б» — договор поставки»
                out.append((distinct(subjects + refs), docs_after[0].kind, a))
        elif docs_after and docs_after[0].kind and len(refs) >= 2:
            out.append((refs, docs_after[0].kind, a))
        elif docs_after and docs_after[0].kind and len(refs) == 1 and withs and after:
            # «..., а администрация города — договор о реконструкции вокзала с АО «Б»»: its own subject
            out.append((distinct(refs + after), docs_after[0].kind, a))
        elif docs_after and docs_after[0].kind and not units and subjects and withs and after:
            out.append((distinct(subjects + after), docs_after[0].kind, a))
        elif docs_before and docs_before[0].kind and not units and subjects and withs and after:
            out.append((distinct(subjects + after), docs_before[0].kind, a))
    return out


# «По итогам встречи», «в ходе переговоров»: a signing that comes of a meeting
OUTCOME_WORDS = frozenset({"итог", "ход", "результат"})


def _meeting_outcome_at(scene: Scene, clause: Clause) -> int | None:
    """The token of «итогам» when the clause signs «по итогам встречи»."""
    lemmas = scene.lemmas
    return next((k for k in sorted(clause.tokens) if lemmas[k] in OUTCOME_WORDS and k + 1 in clause.tokens
                 and meeting_triggers().get((lemmas[k + 1],))), None)


def _outcome_of_meeting(scene: Scene, clause: Clause) -> str | None:
    """The date of the meeting told before, when the clause signs «по итогам встречи»."""
    if _meeting_outcome_at(scene, clause) is None:
        return None
    start = scene.toks[min(clause.tokens)].start
    dated = [m for m in scene.doc.meetings if m.start < start and m.date]
    return dated[-1].date if dated else None


def _ceremony_date(scene: Scene, sent: int) -> DateItem | None:
    """«... подписали соглашение. Церемония прошла 16 июля в Самаре.»: the next sentence opening
    with the ceremony, or retelling it («Случилось это в среду, 18 февраля»), tells the day of the
    signing."""
    nxt = sent + 1
    if nxt >= len(scene.tagged.sents):
        return None
    first = scene.tagged.sents[nxt].first
    if scene.lemmas[first] not in words("ceremony") and not _happened_opening(scene, first):
        return None
    return date_in(scene, nxt, first, day_only=True)


def _happened_opening(scene: Scene, first: int) -> bool:
    """«Случилось это в среду», «Это произошло 3 марта»: the sentence opens by retelling the one before."""
    pair = tuple(scene.lemmas[first : first + 2])
    return len(pair) == 2 and "это" in pair and any(w in words("happened") for w in pair)


# ---------------------------------------------------------------- the document


def _documents_in(scene: Scene, clause: Clause) -> list[Document]:
    toks = scene.toks
    lemmas = scene.lemmas
    out: list[Document] = []
    for k in sorted(clause.tokens):
        if out and k < out[-1].last:
            continue  # a word of the document before: «трудового | договора»
        if documents().starts(lemmas[k]):
            m = documents().match(lemmas, k, max(clause.tokens) + 1)
            if m is None:
                continue
            head = toks[m.last - 1]
            plural = head.feats.get("Number") == "Plur" or _counted(scene, m.first)
            if m.value[0] == "none":
                out.append(Document(m.first, m.last, None, plural, False, m.last, agreement=False))
                continue
            if m.value[0] == "reference":
                out.append(Document(m.first, m.last, None, plural, False, m.last, alike=_alike(scene, m.first)))
                continue
            kind, end = _kind(scene, clause, m.first, m.last)
            out.append(Document(
                m.first, m.last, kind, plural, end > m.last, end, alike=_alike(scene, m.first),
                pointed=_pointed_at(scene, m.first),
            ))
    return out


# the words that may stand between «Это» and the document it points at: «Это уже третье соглашение»
MAX_POINTED_WORDS = 2


def _pointed_at(scene: Scene, first: int) -> bool:
    """«Это третье соглашение с инвесторами», «Это уже пятый договор»: «это» before the document,
    its ordinal or an adverb between, says what the document told before is."""
    toks = scene.toks
    k = first - 1
    while k >= 0 and first - k <= MAX_POINTED_WORDS and toks[k].pos in ("ADJ", "NUM", "ADV"):
        k -= 1
    return k >= 0 and toks[k].text.lower() == "это"


def _alike(scene: Scene, first: int) -> bool:
    """The document at `first` is another like the one before: «Аналогичный документ», «такой же договор»."""
    lemmas = scene.lemmas
    if first >= 2 and lemmas[first - 1] == "же":
        return lemmas[first - 2] in words("alike") | words("alike_with_same")
    return first >= 1 and lemmas[first - 1] in words("alike")


def _counted(scene: Scene, first: int) -> bool:
    toks = scene.toks
    k = first - 1
    while k >= 0 and toks[k].pos == "ADJ":
        k -= 1
    return k >= 0 and (toks[k].lemma in counts() or toks[k].pos == "NUM" or toks[k].text.isdigit())


def _kind(scene: Scene, clause: Clause, first: int, last: int) -> tuple[str, int]:
    """The document phrase in the nominative singular: agreeing adjectives, the noun, its «о ...»
    part as written («соглашения о стратегическом партнёрстве» -> «соглашение о стратегическом
    партнёрстве»); and the token after it."""
    toks = scene.toks
    start = first
    # an adjective with no case is a noun the tagger misread: «с техникумом договор»
    while start - 1 in clause and toks[start - 1].pos == "ADJ" and toks[start - 1].lemma not in words("not_kind") and (
        toks[start - 1].case is not None
    ):
        start -= 1
    head = toks[last - 1]
    gender = _gender(head)
    # a noun's genitive complement in the document's name stays as written: «программа сотрудничества»
    complement = {k for k in range(start + 1, last) if toks[k].pos == "NOUN" and toks[k - 1].pos in ("NOUN", "PROPN")}
    phrase_toks = enumerate(toks[start:last], start)
    singular = [t.text.lower() if k in complement else _singular(t, gender) for k, t in phrase_toks]
    topic, end = last, _about_end(scene, clause, last)
    if end == last and last + 1 in clause and toks[last].text in DASHES:
        # «в одно соглашение — о строительстве терминала»: what it is about, set off by a dash
        topic, end = last + 1, _about_end(scene, clause, last + 1)
        topic, end = (topic, end) if end > topic else (last, last)
    phrase = " ".join(singular)
    if end > topic:
        phrase += " " + as_written(toks[topic:end], scene.tagged.text)
    elif (about := _about_after_parties(scene, clause, last)) is not None:
        # «Соглашение между X и Y о модернизации терминала», «соглашение с X о ...»: what it is about
        # after its parties
        phrase += " " + as_written(toks[about : _about_end(scene, clause, about)], scene.tagged.text)
    return phrase[:1].lower() + phrase[1:], end


def _about_after_parties(scene: Scene, clause: Clause, k: int) -> int | None:
    """The «о/об» right after the «между ...» parties, the «с ...» partner, or the parties in the
    genitive, that follow a document noun at k: «соглашение с правительством области о модернизации
    производства», «Соглашение министерства ..., колледжа ... и АО «...» о создании центра»."""
    toks = scene.toks
    units = scene.units(clause.sent)
    if k not in clause or toks[k].text.lower() not in ("между", "с", "со") and all(u.first != k for u in units):
        return None
    ends = {u.last for u in units}
    for j in range(k + 1, min(len(toks), k + 2 * KIND_WORDS)):
        if j not in clause or toks[j].pos in ("VERB", "AUX"):
            return None
        if toks[j].text.lower() in ("о", "об") and (j in ends or _past_other_side(toks, j) in ends):
            return j
    return None


# «между A, с одной стороны, и B, с другой, о ...»: the words closing the second side
OTHER_SIDE = (["с", "другой"], ["с", "другой", "стороны"])


def _past_other_side(toks: list[Token], j: int) -> int:
    """Where the words «, с другой (стороны)» before token j begin (j when none stand there)."""
    for words_ in OTHER_SIDE:
        k = j - 2 - len(words_)  # the comma before «с»
        if k >= 1 and toks[j - 1].text == "," and toks[k].text == "," and [
            t.text.lower() for t in toks[k + 1 : j - 1]
        ] == words_:
            return k
    return j


def _gender(noun: Token) -> str | None:
    for p in noun.parses:
        if p.tag.POS == "NOUN" and p.tag.gender:
            return p.tag.gender
    return None


def _singular(tok: Token, gender: str | None) -> str:
    word = tok.text.lower()
    if tok.pos in ("NOUN", "PROPN") and tok.text[1:].islower():  # «Программу» opening a sentence
        for p in parses(word):
            if p.tag.POS == "NOUN" and p.normal_form.replace("ё", "е") == tok.lemma:
                form = p.inflect({"nomn", "sing"})
                if form:
                    return form.word
        return tok.lemma
    return nominative_word(word, "ADJ", tok.case, gender, "sing").lower()


def _genitive_word(tok: Token, first: bool) -> bool:
    """A noun or adjective in the genitive; right after the document noun, one that can be
    («договоры поставки»: the tagger reads a nominative plural)."""
    if tok.pos not in ("NOUN", "ADJ"):
        return False
    return tok.case == "Gen" or first and tok.pos == "NOUN" and any(p.tag.case == "gent" for p in tok.parses)


def _genitive_end(scene: Scene, clause: Clause, k: int) -> int:
    """A lowercase genitive noun group right after the document noun, no name among it."""
    toks = scene.toks
    units = {j for u in scene.units(clause.sent) for j in range(u.first, u.last)}
    j = k
    # «Договор купли-продажи здания | стороны подписали»: the sides are the subject, no word of the name
    while (
        j in clause and j not in units and _genitive_word(toks[j], first=j == k) and toks[j].text.islower()
        and toks[j].lemma != "сторона"
    ):
        j += 1
    while j > k and toks[j - 1].pos == "ADJ":
        j -= 1
    return j


def _about(toks: list[Token], k: int) -> bool:
    """«о/об/по ...», or «на» with a deed («договор на поставку оборудования», «на капитальный
    ремонт»), not a sum or a term."""
    word = toks[k].text.lower()
    if word in ABOUT:
        return True
    j = k + 1
    while j < len(toks) and toks[j].pos == "ADJ" and toks[j].text.islower():
        j += 1
    return word == "на" and j < len(toks) and (toks[j].lemma in words("deed") or _action_noun(toks[j]))


# the endings of an action noun: «на выращивание горошка», «на содержание дорог», «на перевозку
# молока», «на модернизацию котельной», «на подачу вагонов»
ACTION_NOUN_ENDINGS = ("ание", "ение", "тие", "ка", "ция", "ча")


def _action_noun(tok: Token) -> bool:
    """A verbal noun in the accusative, what «на» a document is for takes («на выращивание
    горошка»); not the prepositional of «на основании», nor a sum or a term."""
    return tok.pos == "NOUN" and tok.case == "Acc" and tok.text.islower() and tok.lemma.endswith(ACTION_NOUN_ENDINGS)


def _verb_only(tok: Token) -> bool:
    """A word the morphology knows only as a verb, whatever the tagger says («скрепили»)."""
    return bool(tok.parses) and all(p.tag.POS in ("VERB", "INFN") for p in tok.parses)


def _about_end(scene: Scene, clause: Clause, k: int) -> int:
    """End of the «о ...» / «об ...» part after a document noun, up to what names the parties,
    the sum, the term or the clause's end."""
    toks = scene.toks
    k = _genitive_end(scene, clause, k)  # «договор поставки», «договор купли-продажи»
    if k not in clause or not _about(toks, k):
        return k
    if k + 1 in clause and toks[k + 1].pos == "PRON":
        return k  # «соглашение об этом»: what it is about was told before
    # a party ends it; a place may be what it is about («о создании в Костанайской области производства»)
    # (a place in the nominative is a subject: «Договор о поставке автобусов Липецк заключил с ...»)
    parties = {
        u.first for u in scene.units(clause.sent)
        if u.refs and (u.refs[0][0] != "location" or unit_case(scene, u) == "Nom")
    }
    # a subject after a fronted document, its legal form written out: «Договоры на проведение осмотров |
    # автономное учреждение «...» заключило»
    # (the tagger may read its head as the accusative its form also is)
    subjects = {
        u.first for u in scene.units(clause.sent)
        if u.refs and unit_case(scene, u) in ("Nom", "Acc") and u.first > k + 1 and toks[u.first - 1].pos != "ADP"
    }
    end = k + 1
    j = k + 1
    dated = [(x.start, x.end) for x in scene.doc.dates]
    while j in clause and j - k <= KIND_WORDS:
        tok = toks[j]
        if tok.text.lower() in KIND_STOPS or j in parties and tok.text[:1].isupper() and j > k + 1 or j in subjects:
            break
        if j > k + 1 and (tok.pos == "NOUN" and tok.case == "Nom" or any(a <= tok.start < b for a, b in dated)):
            break  # the subject or the day after a fronted document: «Соглашение о ... компания подписала в среду»
        if _abbreviation_dot(toks, j) and j + 1 in clause:
            j += 1  # «до 45 тыс. гектаров»: the period of a short word goes on
            continue
        # a full participle modifies the noun after it: «о восстановлении | выработанных торфяников»
        modifier = tok.feats.get("VerbForm") == "Part" and tok.feats.get("Variant") != "Short"
        if (tok.pos in ("VERB", "AUX", "PUNCT") and tok.text != "-" or _verb_only(tok)) and not modifier:
            break
        if tok.text.lower() == "и" and j + 1 in clause and toks[j + 1].pos == "NOUN" and documents().match(
            scene.lemmas, j + 1, max(clause.tokens) + 1
        ):
            break  # «договор о целевом обучении | и договор о практике»: the next document
        if tok.pos in ("NOUN", "ADJ", "PROPN", "NUM") or tok.text in ("-",):
            end = j + 1
        j += 1
    return end


# short words whose period ends no phrase: «45 тыс. гектаров», «1,2 млн руб. в год»
ABBREVIATED_WORDS = frozenset(SCALE_ABBREVS) | {"руб", "коп", "кв", "куб", "км", "га"}


def _abbreviation_dot(toks: list[Token], j: int) -> bool:
    return (
        toks[j].text == "." and j > 0 and toks[j - 1].text.lower() in ABBREVIATED_WORDS
        and toks[j - 1].end == toks[j].start and j + 1 < len(toks) and toks[j + 1].text[:1].islower()
    )


# ---------------------------------------------------------------- one agreement per document


def _merged(scene: Scene, statements: list[Statement]) -> list[Statement]:
    kept: list[Statement] = []
    for st in statements:
        same = next((k for k in reversed(kept) if _same_agreement(scene, k, st)), None)
        if same is None:
            kept.append(st)
            continue
        keep, other = (st, same) if _fuller(st, same) else (same, st)
        if keep is st:
            kept[kept.index(same)] = st
        if not keep.sides or _persons_of(keep.sides) and not _persons_of(other.sides):
            keep.sides = other.sides  # the signers are parties only when no side is named
        # a governor's region stands for the government the other statement names
        keep.sides = distinct(_as_bodies(scene, keep.sides, other.sides))
        # many documents' day is not the one's: «в октябре республика заключила 14 соглашений»
        many = other.extra.get("plural") and not keep.extra.get("plural")
        keep.date = keep.date or (None if many or _within_release(scene, other.date) else other.date)
        if keep.extra.get("kind") is None or not keep.extra.get("own_name") and other.extra.get("own_name"):
            keep.extra["kind"] = other.extra["kind"]
            keep.extra["noun"] = other.extra.get("noun")  # «Документ подписали ...» is the «соглашение» named
            keep.extra["own_name"] = True
    _kinds_of_the_alike(kept)
    # a document named by a word pointing back («документ») is an agreement only as one named before;
    # one whose parties the text never names («Контракт с ним заключен на три года») tells no one anything
    return [st for st in kept if st.extra.get("kind") and st.sides and not _of_an_earlier_year(scene, st)]


def _within_release(scene: Scene, date: DateItem | None) -> bool:
    """A year or month that holds the release's day («седьмое соглашение, которое регион заключил
    в 2025 году», said of the one signed today): the release's day is the finer date."""
    release = scene.doc.doc_date
    value = date.value if date else None
    return bool(release and value and len(value) < len(release) and release.startswith(value))


def _kinds_of_the_alike(kept: list[Statement]) -> None:
    """«... подписал соглашение о сотрудничестве с АО «A». Аналогичный документ вуз заключил с ООО
    «B»»: a document like the one before is of its kind, with parties of its own."""
    for before, st in zip(kept, kept[1:], strict=False):
        if st.extra.get("alike") and not st.extra.get("own_name") and before.extra.get("kind"):
            st.extra["kind"] = before.extra["kind"]
            st.extra["noun"] = before.extra.get("noun")


def _of_an_earlier_year(scene: Scene, st: Statement) -> bool:
    """«первый договор стороны заключили ещё в 2019 году»: a signing dated by a year alone, before
    the release's year, is the background of the news, no fact of it."""
    release = scene.doc.doc_date
    value = st.date.value if st.date else None
    return bool(release and value and len(value) == 4 and value < release[:4])


def _same_agreement(scene: Scene, a: Statement, b: Statement) -> bool:
    """A document named again («Подписи под документом поставили X и Y»), a title and its body:
    parties in common (or the signers of the other's parties, or none) and the same document
    noun, or a word pointing back at the document."""
    back = not b.extra.get("own_name")
    near = b.sent - a.last_sent <= 3
    if a.trigger == b.trigger:
        return False  # «между A и B, между C и D»: documents of their own
    year_a, year_b = _year(scene, a), _year(scene, b)
    if year_a and year_b and year_a != year_b:
        return False  # «первый договор стороны заключили ещё в 2019 году»: an earlier one
    a_sides, b_sides = _as_bodies(scene, a.sides, b.sides), _as_bodies(scene, b.sides, a.sides)
    shared = set(a_sides) & set(b_sides)
    same_noun = a.extra.get("noun") == b.extra.get("noun")
    if b.extra.get("pointed") and same_noun and not b.extra.get("own_name"):
        return True  # «Это третье соглашение с инвесторами, подписанное краем»: the one told before
    if a.sides and b.sides and not shared:
        if near and same_noun and (_all_signers(scene, b.sides, a.sides) or _all_signers(scene, a.sides, b.sides)):
            return True  # a title naming the sides, the body naming who signed for each of them
        if near and back and same_noun and _persons_of(b.sides) and not _persons_of(a.sides):
            return True  # «За министерство соглашение подписал заместитель министра ...»: its signers
        if near and a.extra.get("kind") == b.extra.get("kind") and _signed_for_the_other(scene, a, b):
            # «Шахбанов уехал с подписанным соглашением о ..., заключённым между районом и ООО «Андийские
            # сады»»: one document, said with the person who signed it and with its parties
            return True
        return near and back and (_signers(scene, b.sides, a.sides) or _signers(scene, a.sides, b.sides))
    if a.sides and b.sides:
        one_in_other = set(a_sides) <= set(b_sides) or set(b_sides) <= set(a_sides)
        return (one_in_other or len(shared) >= 2) and (same_noun or back)
    if not b.sides and back and same_noun:
        return True  # «соглашение как раз об этом», paragraphs later: the one signed above
    if not a.sides and b.sides and same_noun:
        return True  # a title's or a lead's «подписанием хартии ...», the body naming its sides later
    if not a.sides and len(b.sides) >= 2 and back:
        # a word pointing back at it whose signing names its sides, paragraphs later: «... они подписали
        # соглашение о ... . Документ подписали она, X и Y» (not one side alone: «документ подписывали без него»)
        return True
    return near and (same_noun or back or not a.extra.get("own_name"))


def _year(scene: Scene, st: Statement) -> str | None:
    """The year a statement's signing is dated, the release's own when it gives no date."""
    value = st.date.value if st.date else scene.doc.doc_date
    return value[:4] if value and value[:4].isdigit() else None


def _as_bodies(scene: Scene, sides: list[Ref], other: list[Ref]) -> list[Ref]:
    """A place among `sides` stands for a body of that place among `other`: a title's «Калужская
    область подписала» and the body's «правительство Калужской области»."""
    return [next((o for o in other if _body_of(scene, o, r)), r) if r[0] == "location" else r for r in sides]


def _without_places_of_their_bodies(scene: Scene, parties: list[Ref]) -> list[Ref]:
    """«правительство Тюменской области и ЗПК подписали ...: область компенсирует»: a place is no
    party of its own beside its body that signed."""
    return [r for r in parties if r[0] != "location" or not any(_body_of(scene, o, r) for o in parties)]


def _body_of(scene: Scene, org: Ref, place: Ref) -> bool:
    """Whether the organization is named with the place in its name."""
    if org[0] != "organization":
        return False
    spans = [(m.start, m.end) for m in scene.doc.organizations[org[1]].mentions]
    return any(s <= m.start and m.end <= e for m in scene.doc.locations[place[1]].mentions for s, e in spans)


def _signers(scene: Scene, persons: list[Ref], parties: list[Ref]) -> bool:
    """One of `persons` holds a post of one of `parties` («ректор МГУ» and МГУ), or of the body of
    a place among them («заместитель Председателя Правительства Республики Калмыкия» and Калмыкия)."""
    sides = set(parties)
    places = [r for r in parties if r[0] == "location"]

    def of_a_side(ref: Ref) -> bool:
        return ref in sides or ref[0] == "organization" and any(_body_of(scene, ref, place) for place in places)

    def holds_a_post_of_a_side(person: int) -> bool:
        posts = scene.doc.persons[person].posts
        return any(p.org_ref is not None and of_a_side((p.org_ref.type, p.org_ref.index)) for p in posts)

    return any(r[0] == "person" and holds_a_post_of_a_side(r[1]) for r in persons)


def _signed_for_the_other(scene: Scene, a: Statement, b: Statement) -> bool:
    """One statement's sides are persons only, each holding a post of the other's parties."""
    return any(
        _persons_of(x.sides) and not _persons_of(y.sides) and all(_signers(scene, [r], y.sides) for r in x.sides)
        for x, y in ((a, b), (b, a))
    )


def _all_signers(scene: Scene, persons: list[Ref], parties: list[Ref]) -> bool:
    """Every one of `persons` holds a post of one of `parties`, and there are two at least."""
    return len(persons) >= 2 and all(_signers(scene, [r], parties) for r in persons)


def _persons_of(refs: list[Ref]) -> bool:
    return all(r[0] == "person" for r in refs)


def _fuller(a: Statement, b: Statement) -> bool:
    """Which statement of one agreement to keep: more parties, then a named document, then the
    later one (a body after its title)."""
    if len(a.sides) != len(b.sides):
        return len(a.sides) > len(b.sides) and not (_persons_of(a.sides) and not _persons_of(b.sides))
    return bool(a.extra.get("own_name")) or not b.extra.get("own_name")


def find_agreements(scene: Scene) -> list[Agreement]:
    statements: list[Statement] = []
    for sent, match in found_triggers(scene, "agreements", agreement_triggers()):
        if statements and statements[-1].sent == sent and statements[-1].trigger == match.first:
            continue
        statements += _statements(scene, sent, match, statements)
    out = []
    for st in _merged(scene, statements):
        _other_side_of_heads(scene, st)
        if st.date is None and not st.extra.get("meeting_date"):
            st.date = day_told_before(scene, scene.toks[st.trigger].start) or dateline_day(scene)
        parties = _without_places_of_their_bodies(scene, _bodies_over_signers(st.sides))
        if len(parties) == 1 and parties[0][0] == "person":
            continue  # «договор подписала директор колледжа X»: a lone signer names no party of it
        start, end = span_of(scene, st.first_sent, st.last_sent)
        out.append(Agreement(
            parties=[scene.entity(r) for r in parties],
            kind=st.extra.get("kind"),  # type: ignore[arg-type]
            date=st.date.value if st.date else st.extra.get("meeting_date"),  # type: ignore[arg-type]
            start=start,
            end=end,
        ))
    return out


# how many sentences before a one-sided signing may name the heads of both sides
HEADS_REACH = 3


def _other_side_of_heads(scene: Scene, st: Statement) -> None:
    """«Глава Серовского округа X и генеральный директор ООО «Y» Z засиделись в администрации ...
    в тот же вечер наш округ и «Y» подписали соглашение»: a signing whose one side is all the text
    makes out is with the body of the one other head named about it (the sentence and those just
    before), else with the other side of the meeting before, else with the body the release names
    most (unless the partners are said unnamed); a signer stands for the body of their post."""
    bodies = distinct([_body_of_person(scene, r) for r in st.sides])
    if len(bodies) != 1 or bodies[0][0] == "person":
        return  # a signer of no body named: whom they signed for is unknown
    around = range(max(0, st.first_sent - HEADS_REACH), st.last_sent + 1)
    persons = distinct([u.refs[0] for s in around for u in scene.units(s) if u.refs and u.refs[0][0] == "person"])
    others = distinct([b for r in persons if (b := _body_of_person(scene, r)) != r and b not in bodies])
    others = [b for b in others if not _placed(scene, b, bodies[0]) and not _placed(scene, bodies[0], b)]
    if len(others) != 1:
        others = _other_side_met(scene, st, bodies[0])
    if len(others) != 1:
        others = _body_most_named(scene, bodies[0]) if not _partner_unnamed(scene, st) else []
    if len(others) == 1:
        st.sides = bodies + others


def _other_side_met(scene: Scene, st: Statement, side: Ref) -> list[Ref]:
    """The body of the other side of the last meeting told before the signing, when the side the
    signing names is the body of one of its two sides («Глава Бурятии X принял директора ООО «Y» Z.
    ... Республика подписала соглашение ...»)."""
    start = scene.toks[st.trigger].start
    before = [m for m in scene.doc.meetings if m.start < start]
    if not before:
        return []
    bodies = distinct([_body_of_person(scene, (p.type, p.index)) for p in before[-1].participants])
    if len(bodies) != 2 or side not in bodies:
        return []
    return [b for b in bodies if b != side and b[0] != "person"]


def _body_most_named(scene: Scene, side: Ref) -> list[Ref]:
    """The organization the release names most often, when it is not the side itself: a release
    tells its own body's signings («... к вечеру под договором поставки свою подпись поставил
    генеральный директор ООО «Y»»: Y signed with the plant the release is about)."""
    counts = sorted(
        ((len(o.mentions), -o.mentions[0].start, ("organization", i)) for i, o in enumerate(scene.doc.organizations)),
        reverse=True,
    )
    counts = [
        c for c in counts
        if c[2] != side and not _placed(scene, side, c[2]) and not _placed(scene, c[2], side)
        and not _source_only(scene, c[2])
    ]
    return [counts[0][2]] if counts else []


def _partner_unnamed(scene: Scene, st: Statement) -> bool:
    """The signing's sentence gives its partners by a plural common noun, no name: «подписал договоры
    с тремя кубинскими университетами» (a singular «с компанией» may stand for one named before)."""
    sent = scene.tagged.sents[scene.toks[st.trigger].sent]
    toks = scene.toks
    for k in range(sent.first, sent.last - 1):
        if toks[k].text.lower() not in ("с", "со"):
            continue
        j = k + 1
        # «с обоими предприятиями» are the ones named before
        while j < sent.last and toks[j].pos in ("NUM", "ADJ") and toks[j].text.islower() and toks[j].lemma != "оба":
            j += 1
        if j < sent.last and _plural_body_noun(toks[j]):
            return True
    return False


def _plural_body_noun(tok: Token) -> bool:
    """«университетами», «компаниями»: an organization's head noun, lowercase, plural instrumental."""
    return (
        tok.text.islower() and tok.case == "Ins" and tok.feats.get("Number") == "Plur"
        and org_heads().get((tok.lemma,)) is not None
    )


def _source_only(scene: Scene, org: Ref) -> bool:
    """Every mention of the organization comes right after a reporting verb: the outlet that
    tells the news («сообщили РИА «АмурПРЕСС»»), no side of it."""
    firsts = [scene.tagged.token_at(m.start) for m in scene.doc.organizations[org[1]].mentions]
    return all(k is not None and k > 0 and _reporting(scene.toks[k - 1]) for k in firsts)


def _reporting(tok: Token) -> bool:
    return tok.lemma in report_verbs() or tok.lemma in speech_verbs()


def _placed(scene: Scene, org: Ref, place: Ref) -> bool:
    """The organization is a body of the place («Правительство Бурятии» of Бурятия)."""
    return org[0] == "organization" and place[0] == "location" and _body_of(scene, org, place)


def _body_of_person(scene: Scene, ref: Ref) -> Ref:
    """The body a person acts for: the organization of a post of theirs, else its place, else the
    person."""
    if ref[0] != "person":
        return ref
    refs = [(p.org_ref.type, p.org_ref.index) for p in scene.doc.persons[ref[1]].posts if p.org_ref is not None]
    return next((r for r in refs if r[0] == "organization"), refs[0] if refs else ref)


def _bodies_over_signers(sides: list[Ref]) -> list[Ref]:
    """«Елена Дьякова и Роман Сапрыкин, руководители колледжа (ОАТК) и ООО «...» соответственно,
    подписали договор»: with two bodies among the sides, the persons beside them signed for them."""
    bodies = [r for r in sides if r[0] != "person"]
    return bodies if len(bodies) >= 2 else sides
