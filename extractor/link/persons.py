"""Persons: name mentions merged into one record a person, the posts found at its mentions given
to it, and post-only references («губернатор отметил») joined to the person who holds the post."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from extractor.lexicon.orgs import territory_nouns
from extractor.lexicon.posts import office_of, post_lexicon, role_key
from extractor.model import Mention, Person, Post
from extractor.nlp.coverage import Coverage
from extractor.nlp.morph import is_noun, word_lemma
from extractor.nlp.tagging import Tagged, Token
from extractor.rules.persons import DICTIONARY, FAMILY_NAME_FIRST, PATRONYMIC, NameMention, has_gram, name_key
from extractor.rules.posts import BarePost


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("ё", "е").split())


# a first name in -а the dictionary does not know, in its cases: «Юкка», «Юкки», «Юкку», «Юккой»
DECLINED_VOWEL_ENDING = re.compile(r"(?:ой|ей|[аяиыуюе])$")
# letters a declined name's stem keeps at least
MIN_NAME_STEM = 3


def _same_first(a: str, b: str) -> bool:
    """First names agree: equal, one is an initial («А.») of the other, or both are case forms of a
    name in -а the dictionary does not know («Юкки», «Юкку»)."""
    a, b = name_key(a), name_key(b)
    if a.endswith(".") or b.endswith("."):
        return a[:1] == b[:1]
    if a == b:
        return True
    ma, mb = DECLINED_VOWEL_ENDING.search(a), DECLINED_VOWEL_ENDING.search(b)
    stem_a, stem_b = a[: ma.start()] if ma else None, b[: mb.start()] if mb else None
    return stem_a is not None and stem_a == stem_b and len(stem_a) >= MIN_NAME_STEM


# a surname declined as an adjective: its oblique cases («Бережного») do not tell «-ый» from «-ой»
ADJECTIVE_SURNAME_ENDINGS = ("ый", "ой")


def _surname_keys(nm: NameMention) -> set[str]:
    """The surname of a mention as compared: its nominative and the readings of the word as written;
    a man's surname declined as an adjective, by its stem too («Бережного» meets «Бережной»)."""
    if not nm.last:
        return set()
    keys = {name_key(nm.last)} | set(nm.last_forms)
    return keys | {k[:-2] + "-" for k in keys if k.endswith(ADJECTIVE_SURNAME_ENDINGS)}


def _first_name_and_patronymic(person: Person, nm: NameMention) -> bool:
    """«Руслан Хасанбиевич» after «Тлупов Руслан Хасанбиевич»: a first name and a patronymic the
    dictionary does not know, read as a surname, are the person's of that first name and patronymic."""
    if not (nm.first and nm.last and not nm.middle and person.first and person.middle):
        return False
    return _same_first(nm.first, person.first) and name_key(nm.last) == name_key(person.middle)


def _compatible(person: Person, keys: set[str], firsts: set[str], nm: NameMention) -> bool:
    """A mention may be `person` (whose mentions gave the surname `keys` and the first names
    `firsts`): the surnames meet, the first names or initials agree."""
    if nm.last and not nm.first and person.first and _same_first(nm.last, person.first):
        return True  # a lone first name the dictionary does not know: «Ерлан» after «Ерлан Касымбеков»
    if _first_name_and_patronymic(person, nm):
        return True
    if nm.last and person.last and not keys & _surname_keys(nm):
        return False
    if _other_patronymic(person, nm) or _other_long_surname(person, nm):
        return False  # «Иван Андреевич Петров» is not «Иван Сергеевич Петров»
    # the readings meet: «Хельга» written, «Хельг» read as a genitive elsewhere
    if nm.first and person.first and not (_same_first(nm.first, person.first) or firsts & nm.first_forms):
        return False
    if nm.last is None and person.last is None and nm.first is None:
        return False
    if nm.first and nm.last and person.first and person.middle and not person.last:
        return True  # «Мы с Андреем Викторовичем проговорили» before «Андрей Лемехов»: one person
    return bool((nm.last and person.last) or (nm.first and person.first and not nm.last))


def _other_patronymic(person: Person, nm: NameMention) -> bool:
    """Both written out in full, the patronymics differ (initials agree with any of their letter);
    a surname read as a patronymic («Максим Лукашевич») has no surname beside it."""
    if not (nm.middle and person.middle and nm.last and person.last):
        return False
    a, b = name_key(nm.middle), name_key(person.middle)
    if a.endswith(".") or b.endswith("."):
        return a[:1] != b[:1]
    return a != b


def _other_long_surname(person: Person, nm: NameMention) -> bool:
    """Two surnames of several words («бен Халиф Аль Тани», «бен Джасем Аль Тани») that share a last
    word only: neither is the other's tail («Аль Тани» may be either)."""
    if not (nm.last and person.last) or " " not in nm.last or " " not in person.last:
        return False
    a, b = name_key(nm.last).split(), name_key(person.last).split()
    return a[-len(b):] != b and b[-len(a):] != a


# a word before a shorter post inside a longer one that keeps it the same post: «исполняющий
# обязанности губернатора» is still the governor's post
SAME_POST_NOUNS = frozenset({"обязанность"})


def _shorter_form(short: list[str], long: list[str]) -> bool:
    """The lemmas of a post stand in a row in a longer post of the same person, after adjectives
    only: «губернатор» in «губернатор Тульской области», «посол» in «Чрезвычайный и Полномочный
    Посол ...»; not «финансовый директор» in «заместитель финансового директора», another post."""
    n = len(short)
    if n >= len(long) or not n:
        return False
    at = next((i for i in range(len(long) - n + 1) if long[i : i + n] == short), None)
    return at is not None and not any(w not in SAME_POST_NOUNS and is_noun(w) for w in long[:at])


def _patronymic(p: Person) -> bool:
    return bool(p.middle) and (has_gram(p.middle, "Patr") or bool(PATRONYMIC.search(p.middle.lower())))


def display_name(p: Person, named_in_full: bool = False, official_order: bool = False) -> str:
    """The name in the nominative, «Имя Фамилия», initials and second given names kept («А. В.
    Иванов», «Реджеп Тайип Эрдоган»); the patronymic too when one mention gives all three names
    («Дмитрия Олеговича Карпенко»), in the official order «Фамилия Имя Отчество» when that mention
    has it («Тажитдинова Илшата Азаматовича» in a decree), as the press-release gold writes names;
    a name written surname first without a patronymic too («Чжао Лимин»), or with initials after it
    («Кожевников Е. В.»).
    «Николай Николаевич» beside «Николай Балахин» leaves «Николай Балахин»."""
    is_patronymic = _patronymic(p)
    if is_patronymic and not (p.middle or "").endswith(".") and not named_in_full:
        return " ".join(x for x in (p.first, p.last) if x)
    if official_order and is_patronymic and p.first and p.last:
        return f"{p.last} {p.first} {p.middle}"
    if official_order and not p.middle and p.first and p.last:
        return f"{p.last} {p.first}"  # «Чжао Лимин»: a Chinese name, surname first
    if official_order and p.first and p.last in FAMILY_NAME_FIRST:
        return " ".join(x for x in (p.last, p.first, p.middle) if x)  # «Нгуен Ван Тхань»
    if official_order and p.first and p.last and p.first.endswith("."):
        return " ".join(x for x in (p.last, p.first, p.middle) if x)  # «Кожевников Е. В.», as in a list
    return " ".join(x for x in (p.first, p.middle, p.last) if x)


def merge_mentions(text: str, mentions: list[NameMention]) -> tuple[list[Person], list[int]]:
    """One Person per individual; returns the persons and, per mention, its person's index.

    Full names found anywhere in the document come first, so that «Миляев упомянул» joins
    «Дмитрий Миляев» even when the surname is met first; people sharing a surname stay apart
    when their first names or initials differ (a bare surname then goes to the nearest one before).
    """
    persons: list[Person] = []
    keys: list[set[str]] = []  # per person, the surname keys of its mentions
    firsts: list[set[str]] = []  # per person, the first names of its mentions, as read and as written
    ranks: list[list[int]] = []  # per person, how sure its first name and surname are
    genders: list[str | None] = []  # per person, the gender its fullest mention was read with
    # per person, its mention naming all three (first name, patronymic, surname) or written surname
    # first, if any (`_names_order`): whether it is in the official order; None: there is none
    full: list[bool | None] = []
    monastic: list[bool] = []  # per person, whether a mention gives the surname in brackets
    owner = [-1] * len(mentions)
    order = sorted(range(len(mentions)), key=lambda i: (
        -(bool(mentions[i].first) + bool(mentions[i].last) + bool(mentions[i].middle)), mentions[i].start
    ))
    for i in order:
        nm = mentions[i]
        candidates = [k for k, p in enumerate(persons) if _compatible(p, keys[k], firsts[k], nm)]
        if len(candidates) > 1:
            # the nearest person mentioned before this mention
            before = [k for k in candidates if persons[k].mentions[0].start <= nm.start]
            candidates = [max(before, key=lambda k: persons[k].mentions[0].start)] if before else candidates[:1]
        if candidates:
            k = candidates[0]
            same_surname = bool(keys[k] & _surname_keys(nm))
            no_surname_yet = not persons[k].last
            _take_names(persons[k], ranks[k], nm, same_surname, genders[k])
            if full[k] is None and _names_order(nm):
                full[k] = nm.surname_first
            if same_surname or no_surname_yet:
                keys[k] |= _surname_keys(nm)
            firsts[k] |= nm.first_forms
        else:
            k = len(persons)
            persons.append(Person(name="", first=nm.first, middle=nm.middle, last=nm.last))
            keys.append(_surname_keys(nm))
            firsts.append(set(nm.first_forms))
            ranks.append([nm.first_rank, nm.last_rank])
            genders.append(nm.gender)
            full.append(nm.surname_first if _names_order(nm) else None)
            monastic.append(False)
        monastic[k] = monastic[k] or nm.bracketed_surname
        persons[k].mentions.extend(_mentions_of(text, nm))
        owner[i] = k
    for p, order, bracketed in zip(persons, full, monastic, strict=True):
        p.mentions.sort(key=lambda m: m.start)
        p.name = display_name(p, named_in_full=order is not None, official_order=bool(order))
        if bracketed and p.first and p.last:
            p.name = f"{p.first} ({p.last})"  # a monastic name as the church writes it: «Тихон (Вершинин)»
        if order and p.last in FAMILY_NAME_FIRST and not _patronymic(p):
            # «Чжао Лимин», «Нгуен Ван Тхань»: a given name written after the family name is no
            # first name a reader keys the person by; the name says it all, `last` holds the surname
            p.first = p.middle = None
    # persons in order of first mention; remap owners
    ranked = sorted(range(len(persons)), key=lambda k: persons[k].mentions[0].start)
    new_index = {old: new for new, old in enumerate(ranked)}
    return [persons[k] for k in ranked], [new_index[o] for o in owner]


# «Тихоном (Шевкуновым)»: the monastic name and the bracketed surname
BRACKETED_SURNAME = re.compile(r"(\S+)\s*\(\s*(\S+?)\s*\)")


def _mentions_of(text: str, nm: NameMention) -> list[Mention]:
    """Where a mention names the person: a monastic name and its bracketed surname are two places
    («Тихоном», «Шевкуновым»), as NEREL marks them; any other name is one."""
    match = BRACKETED_SURNAME.fullmatch(text, nm.start, nm.end) if nm.bracketed_surname else None
    if match is None:
        return [Mention(text[nm.start : nm.end], nm.start, nm.end)]
    return [Mention(match.group(g), match.start(g), match.end(g)) for g in (1, 2)]


def _names_order(nm: NameMention) -> bool:
    """A mention whose order the person's name keeps: one naming all three (first name,
    patronymic, surname), or a surname written first before the first name («Чжао Лимин»)."""
    return bool(nm.first and nm.last and (nm.middle or nm.surname_first))


def _take_names(p: Person, rank: list[int], nm: NameMention, same_surname: bool, gender: str | None) -> None:
    """A person takes the better name parts of a mention joining it: a full first name over an
    initial, a surer nominative over a less sure one (a surname read in the nominative over one
    declined by a rule). A bare surname overrides only a rule's form, and only when it is read
    with the person's `gender`: «Иванова» after «Олега Иванова» may be his wife."""
    if nm.first and not nm.first.endswith("."):
        if not p.first or p.first.endswith("."):
            p.first, p.middle, rank[0] = nm.first, nm.middle or p.middle, nm.first_rank
        elif nm.first_rank > rank[0]:
            p.first, rank[0] = nm.first, nm.first_rank
    p.first = p.first or nm.first
    p.middle = p.middle or nm.middle
    if not nm.last or (p.last and not same_surname):
        # a lone first name taken for a surname: «Ерлан» after «Ерлан Касымбеков»; written in the
        # nominative, it is the sure form of a first name kept as declined («Юкка» of «Юкку»)
        if nm.last and not nm.first and p.first and nm.last_rank > rank[0] and _same_first(nm.last, p.first):
            p.first, rank[0] = nm.last, nm.last_rank
        return
    if not p.last or (nm.last_rank > rank[1] and (nm.first or (rank[1] < DICTIONARY and nm.gender == gender))):
        p.last, rank[1] = nm.last, nm.last_rank


def _mention_of(post: Post) -> Mention:
    return Mention(post.text, post.start, post.end)


def _with_mention(post: Post, mention: Mention) -> Post:
    mentions = sorted({*post.mentions, mention}, key=lambda m: m.start)
    return replace(post, mentions=mentions)


def attach_posts(persons: list[Person], owner: list[int], posts: list[list[Post]], names: list[NameMention]) -> None:
    """Give each person the posts found at its mentions (`names`, whose owners `owner` gives), each
    post once, with every place it is named as its mentions: the same post said again, and a post
    whose words all stand in a longer post of the same person («посол» said later of someone
    introduced as «Чрезвычайный и Полномочный Посол ...», «губернатор» of «губернатор Тульской
    области»)."""
    gathered: list[list[Post]] = [[] for _ in persons]
    for k, ps in zip(owner, posts, strict=True):
        gathered[k].extend(ps)
    genders = _genders(persons, owner, names)
    for person, ps, gender in zip(persons, gathered, genders, strict=True):
        kept: list[Post] = []
        for p in sorted(ps, key=lambda p: p.start):
            same = next((i for i, q in enumerate(kept) if _norm(q.normal) == _norm(p.normal)), None)
            if same is None:
                kept.append(replace(p, mentions=[_mention_of(p)]))
            else:
                kept[same] = _with_mention(kept[same], _mention_of(p))
        keys = [role_key(p.normal).split() for p in kept]
        longer = [
            next((j for j in range(len(kept)) if j != i and _shorter_form(keys[i], keys[j])), None)
            for i in range(len(kept))
        ]
        for i, j in enumerate(longer):
            while j is not None and longer[j] is not None:  # the longest post it stands in
                j = longer[j]
            if j is not None:
                for m in kept[i].mentions:
                    kept[j] = _with_mention(kept[j], m)
        person.posts = [p for i, p in enumerate(kept) if longer[i] is None]
        if gender == "femn":
            person.posts = [_acting_of_a_woman(p) for p in person.posts]


def _genders(persons: list[Person], owner: list[int], names: list[NameMention]) -> list[str | None]:
    """Each person's gender as her fullest mention was read with it."""
    fullest: list[NameMention | None] = [None] * len(persons)
    for k, nm in zip(owner, names, strict=True):
        if fullest[k] is None or _parts(nm) > _parts(fullest[k]):
            fullest[k] = nm
    return [nm.gender if nm is not None else None for nm in fullest]


def _parts(nm: NameMention) -> int:
    return bool(nm.first) + bool(nm.middle) + bool(nm.last)


# «исполняющего обязанности» of a woman is written in a form shared with a man's: her post says
# «исполняющая»; «исполняющим обязанности ... назначена» keeps the man's form, as the held-out gold
# does (4 of 5), and so does a text that writes «исполняющий» itself
ACTING_HE = re.compile(r"^(?:временно )?исполняющий(?= обязанност)", re.IGNORECASE)
KEPT_ACTING = re.compile(r"^(?:временно )?исполняющи[йм](?= обязанност)", re.IGNORECASE)


def _acting_of_a_woman(post: Post) -> Post:
    """«исполняющий обязанности начальника» of a woman, read from a form that tells no gender («по
    словам исполняющего обязанности начальника Ольги Мартыновой», «обязанности ... временно исполняет
    Ольга Мустонен»), is «исполняющая обязанности начальника»."""
    if not ACTING_HE.match(post.normal) or KEPT_ACTING.match(post.text):
        return post  # not an acting post, or one the text writes so
    return replace(post, normal=_feminine_acting(post.normal), role=_feminine_acting(post.role))


def _feminine_acting(s: str) -> str:
    """«исполняющий обязанности ...» -> «исполняющая обязанности ...»."""
    m = ACTING_HE.match(s)
    return s if m is None else s[: m.end() - len("ий")] + "ая" + s[m.end() :]


# words before a post standing alone that speak of someone who held it before its holder now
FORMER = frozenset({"прежний", "предыдущий"})
# ... and of the one who holds it now, named before: «встретился с новым директором»
NEW = frozenset({"новый"})
# what one meets a new holder with: «с новым директором»; not «назначен новым директором» (the
# appointment itself), «до избрания нового директора» or «при новом президенте» (one yet to come)
WITH = frozenset({"с", "со"})


def _new_holder(toks: list[Token], ref: BarePost) -> bool:
    """«познакомился с новым директором»: the holder the text has just appointed."""
    k = ref.first - 1
    return k > 0 and toks[k].lemma in NEW and toks[k - 1].text.lower() in WITH and toks[ref.head_end - 1].case == "Ins"


def link_bare_posts(
    tagged: Tagged, persons: list[Person], bare: list[BarePost]
) -> None:
    """«губернатор отметил»: a post standing alone refers to the one person holding it; with
    its organization («Губернатор Тульской области обсудил») it must be that person's whole post;
    a post naming the same office refers to its holder too («глава региона» of the governor). It
    is a mention of the person, and of that post."""
    holders: dict[str, list[tuple[int, int]]] = {}
    wholes: dict[str, list[tuple[int, int]]] = {}
    offices: dict[str, list[tuple[int, int]]] = {}
    heads: dict[str, list[tuple[int, int]]] = {}
    unplaced: dict[str, list[tuple[int, int]]] = {}  # whole posts without their proper words
    for k, person in enumerate(persons):
        for n, post in enumerate(person.posts):
            role, whole = role_key(post.role), role_key(post.normal)
            office = office_of(role, whole) or _office_of_the_kind(post.normal)
            keys = [(holders, role), (wholes, whole), (offices, office), (unplaced, _unplaced_key(post.normal))]
            keys += [(heads, opening) for opening in _role_openings(role)]
            for index, key in keys:
                if key is not None and all(k != holder for holder, _ in index.setdefault(key, [])):
                    index[key].append((k, n))
    # names and the posts attached to them are not references of their own
    taken = Coverage(len(tagged.text), [(m.start, m.end) for p in persons for m in p.mentions])
    for p in persons:
        for post in p.posts:
            for m in post.mentions:
                taken.add(m.start, m.end)
    toks = tagged.tokens
    for ref in bare:
        if ref.first > 0 and toks[ref.first - 1].lemma in FORMER:
            continue  # «Прежний генеральный директор ушёл на пенсию»: not who holds the post now
        who = holders.get(ref.role_key, []) if ref.last == ref.head_end else wholes.get(ref.whole_key, [])
        office = office_of(ref.role_key, ref.whole_key)
        if not who and office is not None:
            who = offices.get(office, [])
        if not who:
            # «Глава района отметил» after «глава Каргасокского района Игорь Сенкевич»: the post
            # said again without the proper name inside it
            who = unplaced.get(ref.whole_key, [])
        if not who and ref.last == ref.head_end and ref.nominative and _singular(toks[ref.head_end - 1]):
            # «Министр здравоохранения края Андрей Рыжов ... Министр поручил», «Врио губернатора
            # ... Губернатор отметил»: the one post that opens with the bare one; not «Депутаты»
            who = heads.get(ref.role_key, [])
        start, end = toks[ref.first].start, toks[ref.last - 1].end
        if taken.overlaps(start, end):
            continue
        mention = Mention(tagged.text[start:end], start, end)
        if not who and ref.post is not None and ref.nominative:
            introduced = (
                _introduced_before(tagged, persons, ref.first) if ref.last > ref.head_end
                else _aged_reference(tagged, persons, ref.first)
            )
            if len(introduced) == 1:
                person = persons[introduced[0]]
                person.posts.append(replace(ref.post, mentions=[_mention_of(ref.post)]))
                who = [(introduced[0], len(person.posts) - 1)]
        if len(who) != 1:
            continue
        k, n = who[0]
        if not ref.nominative and not _new_holder(toks, ref) and not _named_in_sentence(tagged, persons[k], ref.first):
            continue
        persons[k].mentions.append(mention)
        persons[k].mentions.sort(key=lambda m: m.start)
        persons[k].posts[n] = _with_mention(persons[k].posts[n], mention)


def _unplaced_key(normal: str) -> str | None:
    """The key of a whole post without its capitalized words after the first («глава
    Каргасокского района» -> «глава район»); None when it has none to leave out."""
    words = normal.split()
    kept = words[:1] + [w for w in words[1:] if not w[:1].isupper()]
    return role_key(" ".join(kept)) if len(kept) < len(words) and len(kept) >= 2 else None


def _office_of_the_kind(normal: str) -> str | None:
    """The office of a post named with its territory's proper name: «глава Республики Марий Эл»,
    «Врио Главы Курской области» hold the office of «глава республики», «глава области»
    (offices.txt), so «Глава региона подчеркнул» is theirs. The capitalized words go but a
    territory's kind and the words of an office; so do the words of acting."""
    words = normal.split()
    kept = words[:1] + [w for w in words[1:] if not w[:1].isupper() or word_lemma(w) in _kind_words()]
    if len(kept) == len(words):
        return None
    key = role_key(" ".join(kept))
    for acting in ACTING_KEYS:
        key = key.removeprefix(acting)
    return office_of("", key)


@cache
def _kind_words() -> frozenset[str]:
    """The lemmas that say what a post is of: the territories' kinds and the words of the offices."""
    return territory_nouns() | {w for phrase in post_lexicon().offices for w in phrase}


def _singular(tok: Token) -> bool:
    return tok.feats.get("Number") != "Plur"


# an acting post's opening words, as `role_key` gives them: the post held opens after them
ACTING_KEYS = ("временно исполнять обязанность ", "исполнять обязанность ")


def _role_openings(key: str) -> list[str]:
    """The openings of a role's key, past its acting words: «министр», «министр здравоохранение»
    for «министр здравоохранения края»; «губернатор» for «временно исполняющий обязанности
    губернатора»."""
    for acting in ACTING_KEYS:
        key = key.removeprefix(acting)
    words = key.split()
    return [" ".join(words[:n]) for n in range(1, len(words) + 1)]


def _named_in_sentence(tagged: Tagged, person: Person, first: int) -> bool:
    """«Иван Петров поручил ..., сообщили в пресс-службе губернатора»: a post in an oblique case
    speaks of its holder when the holder is named in the same sentence; further away it is as
    often someone else's (NEREL train)."""
    sent = tagged.sents[tagged.tokens[first].sent]
    return any(sent.start <= m.start < sent.end for m in person.mentions)


# an age before a post standing for someone: «33-летний нападающий перешёл ...»
AGE = re.compile(r"\d+-летн", re.IGNORECASE)
# how many sentences back the person an aged post speaks of is named
AGED_REACH_SENTENCES = 2


def _aged_reference(tagged: Tagged, persons: list[Person], first: int) -> list[int]:
    """«Тевес перешёл в «Шанхай». 33-летний нападающий ...»: a post after an age, standing for
    someone, speaks of the person named last before it, a sentence or two back."""
    toks = tagged.tokens
    if first == 0 or not AGE.match(toks[first - 1].text):
        return []
    sent = toks[first].sent
    lo = tagged.sents[max(0, sent - AGED_REACH_SENTENCES)].start
    hi = toks[first - 1].start
    before = [(m.start, k) for k, p in enumerate(persons) for m in p.mentions if lo <= m.start < hi]
    return [max(before)[1]] if before else []


def _introduced_before(tagged: Tagged, persons: list[Person], first: int) -> list[int]:
    """«Беньямин Нетаньяху отказался от поездки. Премьер-министр Израиля заявил...»: a post with
    its organization opening a sentence speaks of the one person named in the sentence before,
    if that person has no post yet."""
    toks = tagged.tokens
    sent = toks[first].sent
    if sent == 0 or tagged.sents[sent].first != first:
        return []
    prev = tagged.sents[sent - 1]
    lo, hi = prev.start, prev.end
    named = [k for k, p in enumerate(persons) if any(lo <= m.start < hi for m in p.mentions)]
    return named if len(named) == 1 and not persons[named[0]].posts else []
