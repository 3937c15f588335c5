"""Write extractor/nlp/data/lemmas.tsv: the lemma `word_lemma` gives each word of the word lists
(extractor/lexicon/data/*.txt), asked of pymorphy3, so that a process start-up reads them instead of
parsing about 1,500 words again (about 0.1 s of every `extract` run).

usage: python bench/lemma_table.py   (`make lemmas`; run it after changing a word list —
tests/test_morph.py says when the table misses a word or disagrees with pymorphy3)
"""

from __future__ import annotations

from importlib import resources

from extractor.lexicon import data_words
from extractor.nlp.morph import LEMMA_TABLE, computed_lemma

HEADER = (
    "# word<TAB>lemma: word_lemma of every word of extractor/lexicon/data/*.txt, from pymorphy3;\n"
    "# made by bench/lemma_table.py (make lemmas), checked by tests/test_morph.py\n"
)


def main() -> None:
    path = resources.files("extractor.nlp").joinpath("data", LEMMA_TABLE)
    rows = [f"{word}\t{computed_lemma(word)}\n" for word in sorted(data_words())]
    with open(str(path), "w", encoding="utf-8") as fh:
        fh.write(HEADER)
        fh.writelines(rows)
    print(f"{len(rows)} lemmas -> {path}")


if __name__ == "__main__":
    main()
