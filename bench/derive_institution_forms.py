"""Derive extractor/lexicon/data/institution_forms.txt: the legal forms of state and municipal
institutions, built from their parts the way their abbreviations are («краевое государственное
автономное учреждение культуры» is КГАУК, «муниципальное бюджетное общеобразовательное учреждение»
МБОУ), so that a region's form no list happened to hold is known.

usage: python bench/derive_institution_forms.py > extractor/lexicon/data/institution_forms.txt

Forms listed by hand in legal_forms.txt win where both give one abbreviation; this file only adds.
"""

from __future__ import annotations

from itertools import product

# who founded it: the words and their letters
LEVELS = (
    ("федеральное государственное", "ФГ"),
    ("государственное", "Г"),
    ("областное государственное", "ОГ"),
    ("государственное областное", "ГО"),  # «ГОБУЗ» of the Murmansk and Novgorod regions
    ("краевое государственное", "КГ"),
    ("областное", "О"),
    ("муниципальное", "М"),
    ("", ""),  # no founder's letters: «БПОУ Омской области», «БУ Чувашской Республики», «КУ «ЦЗН»»
)
# how it is financed
TYPES = (("бюджетное", "Б"), ("автономное", "А"), ("казенное", "К"))
# what it is, with its field: the words after the type, and the letters
INSTITUTIONS = (
    ("учреждение", "У"),
    ("учреждение здравоохранения", "УЗ"),
    ("учреждение культуры", "УК"),
    ("учреждение социального обслуживания", "У СО"),
    # a residential home: «краевое государственное бюджетное стационарное учреждение социального обслуживания» (КГБСУСО)
    ("стационарное учреждение социального обслуживания", "СУСО"),
    ("учреждение дополнительного образования", "У ДО"),
    ("общеобразовательное учреждение", "ОУ"),
    ("дошкольное образовательное учреждение", "ДОУ"),
    ("профессиональное образовательное учреждение", "ПОУ"),
    ("образовательное учреждение высшего образования", "ОУ ВО"),
    ("образовательное учреждение дополнительного образования", "ОУ ДО"),
    # further training of teachers, doctors, officials: «ГАУ ДПО «Псковский областной институт ...»»
    ("учреждение дополнительного профессионального образования", "У ДПО"),
    ("образовательное учреждение дополнительного профессионального образования", "ОУ ДПО"),
)


def main() -> None:
    print("# Legal forms of state and municipal institutions, made by bench/derive_institution_forms.py from")
    print("# their parts: who founded it (федеральное государственное, областное, муниципальное ...), how it is")
    print("# financed (бюджетное, автономное, казенное) and what it is (учреждение культуры, общеобразовательное")
    print("# учреждение ...), each giving its letters. Format as legal_forms.txt, whose rows win over these.")
    for (level, a), (kind, b), (what, c) in product(LEVELS, TYPES, INSTITUTIONS):
        print(f"{a}{b}{c} | {f'{level} ' if level else ''}{kind} {what} | other")


if __name__ == "__main__":
    main()
